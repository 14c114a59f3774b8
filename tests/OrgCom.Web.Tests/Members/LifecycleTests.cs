using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Members;

public sealed class LifecycleTests : AppTest
{
    private static Dictionary<string, string> Step(string date, string? decision = null, Dictionary<string, string>? more = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Date"] = date };
        if (decision is not null)
            fields["Input.DecisionNumber"] = decision;
        foreach (var (k, v) in more ?? [])
            fields[k] = v;
        return fields;
    }

    private async Task<long> RegisterCandidateAsync(HttpClient client, string cellCode, string name, string birth, string registeredOn = "01/03/2024", string? cccd = null)
    {
        var cell = await OrganizationIdAsync(cellCode);
        var fields = new Dictionary<string, string>
        {
            ["Input.FullName"] = name, ["Input.Gender"] = "Female", ["Input.BirthDate"] = birth,
            ["Input.Ethnicity"] = "Kinh", ["Input.Religion"] = "Không", ["Input.RegisteredOn"] = registeredOn,
        };
        if (cccd is not null)
            fields["Input.CitizenId"] = cccd;
        var response = await PostFormAsync(client, $"/Members/Candidates/Create/{cell}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return long.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static async Task<HttpResponseMessage> PostStepAsync(HttpClient client, long id, string handler, Dictionary<string, string> fields) =>
        await PostFormAsync(client, $"/Members/Lifecycle/{id}?handler={handler}", fields, $"/Members/Lifecycle/{id}");

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await DocumentAsync(response)).QuerySelector("[data-testid=errors]")?.TextContent ?? $"(no errors; {(int)response.StatusCode})";

    [Fact]
    public async Task A_candidate_goes_through_the_pipeline_to_official_with_every_step_dated_and_audited()
    {
        var client = await SignInAsync("xa.badinh");
        var id = await RegisterCandidateAsync(client, "X00004.CB01", "Hoàng Thị Mai", "12/05/1998", cccd: "001198012345");

        Assert.Equal(HttpStatusCode.Redirect, (await PostStepAsync(client, id, "Awareness", Step("02/04/2024", more: new() { ["Input.CertificateNumber"] = "123/GCN" }))).StatusCode);
        var propose = await PostStepAsync(client, id, "Propose", Step("10/05/2024", "05-NQ/CB", new()
        {
            ["Input.Introducer1Name"] = "Nguyễn Văn Hùng", ["Input.Introducer1Position"] = "Bí thư chi bộ",
            ["Input.Introducer2Name"] = "Đoàn Thanh niên phường Ba Đình", ["Input.Introducer2IsYouthUnion"] = "true",
        }));
        Assert.True(propose.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(propose));
        Assert.Equal(HttpStatusCode.Redirect, (await PostStepAsync(client, id, "Decide", Step("20/05/2024", "112-QĐ/ĐU"))).StatusCode);
        var ceremony = await PostStepAsync(client, id, "Ceremony", Step("03/06/2024"));
        Assert.True(ceremony.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(ceremony));

        var page = await GetDocumentAsync(client, $"/Members/Lifecycle/{id}");
        Assert.Contains("Dự bị", page.QuerySelector("[data-testid=member-status]")!.TextContent);
        Assert.Contains("03/06/2025", page.QuerySelector("[data-testid=probation]")!.TextContent);

        var early = await PostStepAsync(client, id, "Recognize", Step("01/06/2025", "200-QĐ/ĐU"));
        Assert.Contains("Chưa hết thời gian dự bị", await ErrorsAsync(early));

        var recognized = await PostStepAsync(client, id, "Recognize", Step("20/06/2025", "201-QĐ/ĐU"));
        Assert.True(recognized.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(recognized));

        var member = await WithDbAsync(db => db.Members.Include(m => m.Events).SingleAsync(m => m.Id == id));
        Assert.Equal(MemberStatus.Official, member.Status);
        Assert.Equal(new DateOnly(2024, 5, 20), member.AdmittedOn);
        Assert.Equal(new DateOnly(2024, 6, 3), member.CeremonyOn);
        Assert.Equal(new DateOnly(2025, 6, 3), member.OfficialOn);
        Assert.Equal(2, member.Introducers.Count);
        Assert.Equal(
            [MemberEventKind.CandidateRegistered, MemberEventKind.AwarenessClassCompleted, MemberEventKind.ProposedByCell,
             MemberEventKind.AdmissionDecided, MemberEventKind.CeremonyHeld, MemberEventKind.RecognizedOfficial],
            member.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        var reasons = await WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "members" && a.EntityKey == id.ToString() && a.Action == AuditAction.Update)
            .Select(a => a.Reason).ToListAsync());
        Assert.Contains("Công nhận đảng viên chính thức — Quyết định 201-QĐ/ĐU", reasons);
    }

    [Fact]
    public async Task Age_is_checked_at_the_cells_consideration_and_over_sixty_needs_a_reason()
    {
        var client = await SignInAsync("xa.badinh");
        var young = await RegisterCandidateAsync(client, "X00004.CB02", "Lý Văn Trẻ", "15/06/2006");
        await PostStepAsync(client, young, "Awareness", Step("01/04/2024"));
        var tooYoung = await PostStepAsync(client, young, "Propose", Step("10/05/2024", "06-NQ/CB", new()
        {
            ["Input.Introducer1Name"] = "A Văn B", ["Input.Introducer2Name"] = "C Thị D",
        }));
        Assert.Contains("17 tuổi", await ErrorsAsync(tooYoung));

        var old = await RegisterCandidateAsync(client, "X00004.CB02", "Đinh Văn Lão", "01/01/1963");
        await PostStepAsync(client, old, "Awareness", Step("01/04/2024"));
        var introducers = new Dictionary<string, string> { ["Input.Introducer1Name"] = "A Văn B", ["Input.Introducer2Name"] = "C Thị D" };
        var refused = await PostStepAsync(client, old, "Propose", Step("10/05/2024", "07-NQ/CB", introducers));
        Assert.Contains("lý do", await ErrorsAsync(refused));
        Assert.Equal(CandidateStage.AwarenessClassCompleted, await WithDbAsync(db => db.Members.Where(m => m.Id == old).Select(m => m.CandidateStage).SingleAsync()));

        introducers["Input.OverrideReason"] = "Ban Thường vụ Thành ủy đồng ý tại Công văn 15-CV/TU";
        var allowed = await PostStepAsync(client, old, "Propose", Step("10/05/2024", "07-NQ/CB", introducers));
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        var proposed = await WithDbAsync(db => db.MemberEvents.SingleAsync(e => e.MemberId == old && e.Kind == MemberEventKind.ProposedByCell));
        Assert.Equal("Ban Thường vụ Thành ủy đồng ý tại Công văn 15-CV/TU", proposed.OverrideReason);
    }

    [Fact]
    public async Task Illegal_sequences_and_bad_input_are_refused_and_change_nothing()
    {
        var client = await SignInAsync("xa.badinh");
        var candidate = await RegisterCandidateAsync(client, "X00004.CB03", "Tô Văn Sớm", "01/01/1990");
        var before = await WithDbAsync(db => db.AuditEntries.CountAsync());

        Assert.Contains("Không thể công nhận", await ErrorsAsync(await PostStepAsync(client, candidate, "Recognize", Step("01/06/2025", "09-QĐ/ĐU"))));
        Assert.Contains("Không thể ghi quyết định kết nạp", await ErrorsAsync(await PostStepAsync(client, candidate, "Decide", Step("01/06/2025", "09-QĐ/ĐU"))));
        Assert.Contains("không phải ngày hợp lệ", await ErrorsAsync(await PostStepAsync(client, candidate, "Awareness", Step("30/02/2024"))));
        Assert.Contains("sau ngày hôm nay", await ErrorsAsync(await PostStepAsync(client, candidate, "Awareness", Step("01/01/2099"))));
        Assert.Contains("trước ngày", await ErrorsAsync(await PostStepAsync(client, candidate, "Awareness", Step("01/01/2024"))));

        var deceased = await WithDbAsync(db => db.Members.Where(m => m.OrganizationId == db.Organizations.Single(o => o.Code == "X00004.CB04").Id && m.Status == MemberStatus.Official).Select(m => m.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostStepAsync(client, deceased, "Die", Step("01/10/2025"))).StatusCode);
        var afterDeath = await WithDbAsync(db => db.AuditEntries.CountAsync());
        var transfer = await PostFormAsync(client, $"/Members/Transfers/Issue/{deceased}",
            new() { ["Kind"] = "Permanent", ["ToCode"] = "X00004.CB05", ["IssuedOn"] = "02/10/2025" }, $"/Members/Transfers/Issue/{deceased}");
        Assert.Contains("Từ trần", await ErrorsAsync(transfer));
        Assert.Contains("Không thể kỷ luật", await ErrorsAsync(await PostStepAsync(client, deceased, "Discipline", Step("02/10/2025", "10-QĐ/ĐU"))));

        Assert.True(afterDeath > before);
        Assert.Equal(afterDeath, await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action != AuditAction.View)));
    }

    [Fact]
    public async Task A_probationary_member_may_only_be_reprimanded_or_warned()
    {
        var client = await SignInAsync("xa.badinh");
        var probationary = await WithDbAsync(db => db.Members
            .Where(m => m.Status == MemberStatus.Probationary && db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004")))
            .Select(m => m.Id).FirstAsync());
        var refused = await PostStepAsync(client, probationary, "Discipline", Step("01/10/2025", "11-QĐ/ĐU", new() { ["Input.DisciplineLevel"] = "Expulsion" }));
        Assert.Contains("chỉ bị kỷ luật bằng hình thức khiển trách, cảnh cáo", await ErrorsAsync(refused));
        Assert.Equal(MemberStatus.Probationary, await WithDbAsync(db => db.Members.Where(m => m.Id == probationary).Select(m => m.Status).SingleAsync()));
        var warned = await PostStepAsync(client, probationary, "Discipline", Step("01/10/2025", "11-QĐ/ĐU", new() { ["Input.DisciplineLevel"] = "Warning", ["Input.Reason"] = "Vi phạm quy định sinh hoạt" }));
        Assert.Equal(HttpStatusCode.Redirect, warned.StatusCode);
    }

    [Fact]
    public async Task A_transfer_between_provinces_is_a_handshake_and_the_member_is_counted_once_throughout()
    {
        var hanoi = await SignInAsync("hanoi");
        var hcm = await SignInAsync("hcm");
        var (memberId, name) = await WithDbAsync(async db => await db.Members
            .Where(m => m.Status == MemberStatus.Official && db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code == "X00008.CB01"))
            .Select(m => new ValueTuple<long, string>(m.Id, m.FullName)).FirstAsync());
        var from = await OrganizationIdAsync("X00008.CB01");
        var to = await OrganizationIdAsync("X26740.CB02");
        async Task<(int From, int To)> CountsAsync() => await WithDbAsync(async db => (
            await db.Members.CountAsync(m => m.OrganizationId == from && (m.Status == MemberStatus.Official || m.Status == MemberStatus.Probationary)),
            await db.Members.CountAsync(m => m.OrganizationId == to && (m.Status == MemberStatus.Official || m.Status == MemberStatus.Probationary))));
        var start = await CountsAsync();

        var same = await PostFormAsync(hanoi, $"/Members/Transfers/Issue/{memberId}",
            new() { ["Kind"] = "Permanent", ["ToCode"] = "X00008.CB01", ["IssuedOn"] = "01/10/2025" }, $"/Members/Transfers/Issue/{memberId}");
        Assert.Contains("trùng với tổ chức đang sinh hoạt", await ErrorsAsync(same));

        var issued = await PostFormAsync(hanoi, $"/Members/Transfers/Issue/{memberId}",
            new() { ["Kind"] = "Permanent", ["ToCode"] = "x26740.cb02", ["IssuedOn"] = "01/10/2025", ["LetterNumber"] = "45-GGT/ĐU" }, $"/Members/Transfers/Issue/{memberId}");
        Assert.True(issued.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(issued));
        Assert.Equal(start, await CountsAsync());

        var twice = await PostFormAsync(hanoi, $"/Members/Transfers/Issue/{memberId}",
            new() { ["Kind"] = "Permanent", ["ToCode"] = "X26740.CB03", ["IssuedOn"] = "02/10/2025" }, $"/Members/Transfers/Issue/{memberId}");
        Assert.Contains("chưa được tiếp nhận", await ErrorsAsync(twice));

        // The receiver sees the transfer and the member's name, not the member's dossier nor the sender's data.
        var incoming = await GetDocumentAsync(hcm, "/Members/Transfers");
        Assert.Contains(name, incoming.QuerySelector("[data-testid=incoming]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync($"/Members/Details/{memberId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync($"/Organizations/Details/{from}")).StatusCode);
        var transferId = await WithDbAsync(db => db.Transfers.Where(t => t.MemberId == memberId).Select(t => t.Id).SingleAsync());

        // The sender cannot receive on the receiver's behalf.
        var wrongSide = await PostFormAsync(hanoi, $"/Members/Transfers?handler=Receive&transferId={transferId}", new() { ["Date"] = "05/10/2025" }, "/Members/Transfers");
        Assert.Equal(HttpStatusCode.Forbidden, wrongSide.StatusCode);

        var received = await PostFormAsync(hcm, $"/Members/Transfers?handler=Receive&transferId={transferId}", new() { ["Date"] = "06/10/2025" }, "/Members/Transfers");
        Assert.True(received.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(received));
        Assert.Equal((start.From - 1, start.To + 1), await CountsAsync());

        Assert.Equal(HttpStatusCode.OK, (await hcm.GetAsync($"/Members/Details/{memberId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hanoi.GetAsync($"/Members/Details/{memberId}")).StatusCode);
        var outgoing = await GetDocumentAsync(hanoi, "/Members/Transfers?All=true");
        Assert.Contains("Đã tiếp nhận", outgoing.QuerySelector("[data-testid=outgoing]")!.TextContent);

        var again = await PostFormAsync(hcm, $"/Members/Transfers?handler=Receive&transferId={transferId}", new() { ["Date"] = "07/10/2025" }, "/Members/Transfers");
        Assert.Contains("không còn chờ tiếp nhận", (await DocumentAsync(again)).Body!.TextContent);
        Assert.Equal((start.From - 1, start.To + 1), await CountsAsync());
    }

    [Fact]
    public async Task A_temporary_transfer_keeps_the_member_with_the_sender_until_the_sender_records_the_return()
    {
        var hanoi = await SignInAsync("hanoi");
        var hcm = await SignInAsync("hcm");
        var memberId = await WithDbAsync(db => db.Members
            .Where(m => m.Status == MemberStatus.Official && db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code == "X00008.CB02"))
            .Select(m => m.Id).FirstAsync());
        var from = await OrganizationIdAsync("X00008.CB02");

        var tooLong = await PostFormAsync(hanoi, $"/Members/Transfers/Issue/{memberId}",
            new() { ["Kind"] = "Temporary", ["ToCode"] = "X26740.CB03", ["IssuedOn"] = "01/10/2025", ["TemporaryUntil"] = "01/12/2026" },
            $"/Members/Transfers/Issue/{memberId}");
        Assert.Contains("dưới 12 tháng", await ErrorsAsync(tooLong));

        var issued = await PostFormAsync(hanoi, $"/Members/Transfers/Issue/{memberId}",
            new() { ["Kind"] = "Temporary", ["ToCode"] = "X26740.CB03", ["IssuedOn"] = "01/10/2025", ["TemporaryUntil"] = "01/04/2026" },
            $"/Members/Transfers/Issue/{memberId}");
        Assert.True(issued.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(issued));
        var transferId = await WithDbAsync(db => db.Transfers.Where(t => t.MemberId == memberId).Select(t => t.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(hcm, $"/Members/Transfers?handler=Receive&transferId={transferId}", new() { ["Date"] = "03/10/2025" }, "/Members/Transfers")).StatusCode);

        // Received, yet still counted by (and visible to) the sender only.
        Assert.Equal(from, await WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.OrganizationId).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await hanoi.GetAsync($"/Members/Details/{memberId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync($"/Members/Details/{memberId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(hcm, $"/Members/Transfers?handler=End&transferId={transferId}", new() { ["Date"] = "01/04/2026" }, "/Members/Transfers")).StatusCode);
        var ended = await PostFormAsync(hanoi, $"/Members/Transfers?handler=End&transferId={transferId}", new() { ["Date"] = "01/04/2026" }, "/Members/Transfers");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(TransferStatus.Ended, await WithDbAsync(db => db.Transfers.Where(t => t.Id == transferId).Select(t => t.Status).SingleAsync()));
        Assert.True(await WithDbAsync(db => db.MemberEvents.AnyAsync(e => e.MemberId == memberId && e.Kind == MemberEventKind.TemporaryTransferEnded)));
    }

    [Fact]
    public async Task A_permanent_transfer_started_late_is_issued_with_a_warning_citing_the_rule()
    {
        var hanoi = await SignInAsync("hanoi");
        var memberId = await WithDbAsync(db => db.Members
            .Where(m => m.Status == MemberStatus.Official && db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code == "X00008.CB03"))
            .Select(m => m.Id).FirstAsync());
        var issued = await PostFormAsync(hanoi, $"/Members/Transfers/Issue/{memberId}",
            new() { ["Kind"] = "Permanent", ["ToCode"] = "X00025.CB01", ["IssuedOn"] = "01/10/2025", ["ChangedOn"] = "01/04/2025" },
            $"/Members/Transfers/Issue/{memberId}");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var list = await GetDocumentAsync(hanoi, "/Members/Transfers");
        Assert.Contains("Làm thủ tục chậm", list.QuerySelector("[role=status]")!.TextContent);
        var detail = await WithDbAsync(db => db.MemberEvents.Where(e => e.MemberId == memberId && e.Kind == MemberEventKind.TransferIssued).Select(e => e.Detail).SingleAsync());
        Assert.Contains("60 ngày làm việc", detail);
        // The rule in force on the day of the change (01/04/2025), before 294-QĐ/TW took effect.
        Assert.Contains("24-QĐ/TW", detail);
        Assert.DoesNotContain("294-QĐ/TW", detail);
    }
}
