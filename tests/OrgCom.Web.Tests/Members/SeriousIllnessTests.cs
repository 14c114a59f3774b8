using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Tests.Members;

/// <summary>Serious illness (the basis of an early Party badge) is recorded from the member's page as a dated event:
/// audited, shown on the dossier, refused without its note, and out of reach of another province or a reader.</summary>
public sealed class SeriousIllnessTests : DossierTest
{
    private static Dictionary<string, string> Illness(string note = "Ung thư giai đoạn cuối, Bệnh viện Bạch Mai xác nhận") => new()
    {
        ["Input.Date"] = "10/01/2026", ["Input.IllnessDocumentNumber"] = "215/GXN-BVBM", ["Input.IllnessNote"] = note,
    };

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, long id, Dictionary<string, string> fields, string? formPage = null) =>
        PostFormAsync(client, $"/Members/Lifecycle/{id}?handler=SeriousIllness", fields, formPage ?? $"/Members/Lifecycle/{id}");

    private Task<List<MemberEvent>> IllnessEventsAsync(long id) => WithDbAsync(db => db.MemberEvents
        .Where(e => e.MemberId == id && e.Kind == MemberEventKind.SeriousIllnessConfirmed).ToListAsync());

    [Fact]
    public async Task Serious_illness_is_recorded_from_the_dossier_audited_and_shown()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var dossier = await GetDocumentAsync(client, $"/Members/Details/{id}");
        Assert.Equal($"/Members/Lifecycle/{id}#serious-illness", dossier.QuerySelector("[data-testid=record-illness]")!.GetAttribute("href"));
        Assert.Null(dossier.QuerySelector("[data-testid=seriously-ill]"));
        var form = await GetDocumentAsync(client, $"/Members/Lifecycle/{id}");
        Assert.Contains("Hướng dẫn 06-HD/TW", form.QuerySelector("[data-testid=early-badge-rule]")!.TextContent);

        var response = await RecordAsync(client, id, Illness());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var e = Assert.Single(await IllnessEventsAsync(id));
        Assert.Equal((new DateOnly(2026, 1, 10), "215/GXN-BVBM", "Ung thư giai đoạn cuối, Bệnh viện Bạch Mai xác nhận", "hanoi"),
            (e.EffectiveOn, e.DecisionNumber, e.Detail, e.RecordedBy));
        var line = await WithDbAsync(db => db.AuditEntries.SingleAsync(a =>
            a.EntityType == "member_events" && a.Action == AuditAction.Insert && a.UserName == "hanoi"));
        Assert.Equal("Xác nhận bị bệnh nặng", line.Reason);
        Assert.Contains("SeriousIllnessConfirmed", line.Changes);
        Assert.Contains("Bệnh viện Bạch Mai", line.Changes);

        var after = await GetDocumentAsync(client, $"/Members/Details/{id}");
        Assert.Contains("Xác nhận từ ngày 10/01/2026", after.QuerySelector("[data-testid=seriously-ill]")!.TextContent);
        Assert.Contains("Xác nhận bị bệnh nặng", after.QuerySelector("[data-testid=section-history]")!.TextContent);
        var lifecycle = await GetDocumentAsync(client, $"/Members/Lifecycle/{id}");
        Assert.Contains("từ ngày 10/01/2026", lifecycle.QuerySelector("[data-testid=seriously-ill]")!.TextContent);
    }

    [Fact]
    public async Task Without_its_note_the_illness_is_not_recorded()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var before = await RowAsync(id);

        var errors = await ErrorsAsync(await RecordAsync(client, id, Illness(note: " ")));

        Assert.Contains(LifecycleErrors.IllnessNoteRequired.Message, errors);
        Assert.Empty(await IllnessEventsAsync(id));
        Assert.Equal(before, await RowAsync(id));
    }

    [Fact]
    public async Task Another_province_gets_404_and_a_reader_403_and_nothing_is_recorded()
    {
        var id = await HanoiMemberAsync();
        var hcm = await SignInAsync("hcm");
        Assert.Equal(HttpStatusCode.NotFound, (await RecordAsync(hcm, id, Illness(), formPage: "/")).StatusCode);
        var reader = await SignInAsync("lanhdao.hanoi");
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordAsync(reader, id, Illness(), formPage: "/")).StatusCode);
        Assert.Null((await GetDocumentAsync(reader, $"/Members/Details/{id}")).QuerySelector("[data-testid=record-illness]"));

        Assert.Empty(await IllnessEventsAsync(id));
        Assert.False(await WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.EntityType == "member_events" && (a.UserName == "hcm" || a.UserName == "lanhdao.hanoi"))));
    }
}
