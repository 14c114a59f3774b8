using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Cadres;

public sealed class ReappointTests : AppTest
{
    private static readonly string TodayText = $"{OrgCom.Web.Infrastructure.VietnamTime.Today(TimeProvider.System):dd/MM/yyyy}";

    private Task<string> FingerprintAsync() => TestDatabase.ScalarAsync<string>(DatabaseName,
        "select (select string_agg(id || kind || coalesce(ended_on::text, ''), ',' order by id) from appointments) || '/' || (select count(*) from audit_log where action <> 'View')");

    [Fact]
    public async Task The_worklist_offers_only_the_allowed_outcome_which_records_the_decision_and_a_forced_other_is_refused_with_its_rule()
    {
        var client = await SignInAsync("hanoi");
        var worklist = await GetDocumentAsync(client, "/Cadres/Reappointment?Months=12");
        var buttons = worklist.QuerySelectorAll("[data-testid=outcome]").ToList();
        Assert.NotEmpty(buttons);
        // Each row offers one outcome at most: the one the rules allow.
        foreach (var row in worklist.QuerySelectorAll("[data-testid=reappointments] tbody tr"))
            Assert.True(row.QuerySelectorAll("[data-testid=outcome]").Length <= 1);
        var link = buttons[0].GetAttribute("href")!;
        var allowed = Enum.Parse<ReappointmentOutcome>(link.Split("outcome=")[1]);
        var appointmentId = long.Parse(link.Split('/').Last().Split('?')[0]);
        Assert.Contains(buttons[0].TextContent.Trim(), new[] { "Bổ nhiệm lại 5 năm", "Bổ nhiệm lại đến tuổi nghỉ hưu", "Kéo dài đến tuổi nghỉ hưu" });

        var form = await GetDocumentAsync(client, link);
        Assert.Equal(TodayText, form.QuerySelector("#DecisionDate")!.GetAttribute("value"));
        var newTerm = form.QuerySelector("[data-testid=new-term]")!.TextContent;

        // Another outcome, forced: no form, and the POST is refused citing the rule; nothing changes.
        var other = Enum.GetValues<ReappointmentOutcome>().First(o => o != allowed && o != ReappointmentOutcome.RetiresDuringTerm);
        var otherUrl = $"/Cadres/Reappoint/{appointmentId}?outcome={other}";
        Assert.Empty((await GetDocumentAsync(client, otherUrl)).QuerySelectorAll("[data-testid=reappoint]"));
        var before = await FingerprintAsync();
        var refused = (await DocumentAsync(await PostFormAsync(client, $"/Cadres/Reappoint/{appointmentId}",
            new() { ["Outcome"] = other.ToString(), ["DecisionNumber"] = "77-QĐ/TU", ["DecisionDate"] = TodayText }, link)))
            .QuerySelector("[data-testid=errors]")!.TextContent;
        Assert.Contains("quy định chỉ cho phép", refused);
        Assert.Contains("Theo ", refused);
        Assert.Contains("không đúng dạng", (await DocumentAsync(await PostFormAsync(client, $"/Cadres/Reappoint/{appointmentId}",
            new() { ["Outcome"] = allowed.ToString(), ["DecisionNumber"] = "QĐ", ["DecisionDate"] = TodayText }, link))).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync("hcm")).GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(await SignInAsync("lanhdao.hanoi"), $"/Cadres/Reappoint/{appointmentId}",
            new() { ["Outcome"] = allowed.ToString(), ["DecisionNumber"] = "77-QĐ/TU", ["DecisionDate"] = TodayText }, link)).StatusCode);
        Assert.Equal(before, await FingerprintAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/Cadres/Reappoint/{appointmentId}",
            new() { ["Outcome"] = allowed.ToString(), ["DecisionNumber"] = "77-QĐ/TU", ["DecisionDate"] = TodayText }, link)).StatusCode);
        var (old, fresh) = await WithDbAsync(async db =>
        {
            var o = await db.Appointments.SingleAsync(a => a.Id == appointmentId);
            return (o, await db.Appointments.SingleAsync(a => a.MemberId == o.MemberId && a.PositionId == o.PositionId && a.DecisionNumber == "77-QĐ/TU"));
        });
        Assert.Equal(old.TermEndsOn, old.EndedOn);
        Assert.Equal(old.TermEndsOn.AddDays(1), fresh.StartOn);
        Assert.Equal(allowed == ReappointmentOutcome.ExtendToRetirement ? AppointmentKind.Extension : AppointmentKind.Reappointment, fresh.Kind);
        Assert.Equal(newTerm, $"{fresh.StartOn:dd/MM/yyyy} – {fresh.TermEndsOn:dd/MM/yyyy}");
        var reasons = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "appointments" && a.UserName == "hanoi").Select(a => a.Reason).ToListAsync());
        Assert.Equal(2, reasons.Count);
        Assert.All(reasons, r => Assert.EndsWith("theo quyết định 77-QĐ/TU", r));
    }

    [Fact]
    public async Task The_cadre_list_is_grouped_in_SQL_so_many_posts_of_one_cadre_hide_no_other_cadre()
    {
        // 2.100 extra active posts for the first cadre by name: the list used to read 2.000 posts before grouping.
        await TestDatabase.ScalarAsync<int>(DatabaseName, """
            with first as (select a.* from appointments a join members m on m.id = a.member_id where a.ended_on is null order by m.full_name, m.id limit 1)
            insert into appointments (member_id, position_id, organization_id, position_name, level, kind, decision_number, decision_date, start_on, term_ends_on, is_concurrent, is_acting)
            select member_id, position_id, organization_id, position_name || ' ' || n, level, kind, decision_number, decision_date, start_on, term_ends_on, true, false
            from first, generate_series(1, 2100) n;
            select 0
            """);
        var cadres = await TestDatabase.ScalarAsync<long>(DatabaseName, "select count(distinct member_id) from appointments where ended_on is null");
        var page = await GetDocumentAsync(await SignInAsync("admin"), "/Cadres/Eligibility");
        Assert.Equal(cadres, page.QuerySelectorAll("#MemberId option[value]").Count(o => o.GetAttribute("value") is { Length: > 0 } v && v != "0"));
    }
}
