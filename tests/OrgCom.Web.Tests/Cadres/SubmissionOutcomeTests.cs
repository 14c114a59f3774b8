using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Web.Infrastructure.Rules;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Cadres;

/// <summary>What an approved planning proposal or nomination creates: the planning entries (through every planning rule,
/// all or nothing) and the nominations with their election results — audited, and out of reach of another province.</summary>
public sealed class SubmissionOutcomeTests : AppTest
{
    private static readonly DateOnly Today = OrgCom.Web.Infrastructure.VietnamTime.Today(TimeProvider.System);
    private static readonly string TodayText = $"{Today:dd/MM/yyyy}";

    private Task<string> FingerprintAsync() => TestDatabase.ScalarAsync<string>(DatabaseName,
        "select (select coalesce(string_agg(id || status || coalesce(decision_number, ''), ',' order by id), '') from personnel_submissions) || '/' || "
        + "(select count(*) from planning_batches) || '/' || (select count(*) from planning_entries) || '/' || "
        + "(select coalesce(string_agg(id || outcome, ',' order by id), '') from nominations) || '/' || (select count(*) from audit_log where action <> 'View')");

    private Task<long> HolderAsync(string post) => WithDbAsync(db => db.Appointments
        .Where(a => a.EndedOn == null && a.PositionName == post).Select(a => a.MemberId).FirstAsync());

    private Task<long> PositionAsync(string name) => WithDbAsync(db => db.Positions.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    /// <summary>The ward's staff prepare, tick, appraise and submit to the city a submission of the kind for the cadres.</summary>
    private async Task<string> SubmitAsync(SubmissionKind kind, long position, IEnumerable<long> cadres, int? termStart = null)
    {
        var staff = await SignInAsync("xa.badinh");
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = kind.ToString(), ["PositionId"] = position.ToString(), ["OrganizationCode"] = "X00004",
            ["CompetentOrganizationCode"] = "T01", ["Title"] = $"Tờ trình {PersonnelSubmission.DisplayName(kind).ToLowerInvariant()}",
        };
        if (termStart is { } from)
            (fields["TermStartYear"], fields["TermEndYear"]) = (from.ToString(), (from + 5).ToString());
        var create = await PostFormAsync(staff, "/Cadres/Submissions", fields);
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        var url = create.Headers.Location!.OriginalString;
        var (book, _) = await Factory.Services.GetRequiredService<RuleBookProvider>().GetAsync(CancellationToken.None);
        foreach (var member in cadres)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, url + "?handler=AddCadre", new() { ["MemberId"] = member.ToString() }, url)).StatusCode);
            foreach (var d in PersonnelSubmission.RequiredDocuments(kind, book, Today).Documents)
                Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, url + "?handler=Tick",
                    new() { ["MemberId"] = member.ToString(), ["Document"] = d.ToString(), ["Present"] = "true" }, url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, url + "?handler=Appraise",
            new() { ["AppraisedOn"] = TodayText, ["AppraisalOpinion"] = "Đủ điều kiện, tiêu chuẩn" }, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, url + "?handler=Submit", new() { ["SubmittedOn"] = TodayText }, url)).StatusCode);
        return url;
    }

    private static Dictionary<string, string> Approve(string number) =>
        new() { ["Approved"] = "true", ["DecisionNumber"] = number, ["DecisionDate"] = TodayText };

    [Fact]
    public async Task An_approved_planning_proposal_plans_its_cadres_through_the_planning_rules_or_changes_nothing()
    {
        var secretary = await PositionAsync("Bí thư Đảng ủy phường");
        var vice = await HolderAsync("Phó Chủ tịch · Ủy ban nhân dân phường Ba Đình");
        var front = await HolderAsync("Chủ tịch · Ủy ban Mặt trận Tổ quốc phường Ba Đình");
        var chair = await HolderAsync("Chủ tịch · Ủy ban nhân dân phường Ba Đình");
        var cityChair = await HolderAsync("Chủ tịch · Ủy ban nhân dân thành phố Hà Nội");

        // A planning proposal needs its term, and plans only positions of the preparer or under it.
        var staff = await SignInAsync("xa.badinh");
        var before = await FingerprintAsync();
        var noTerm = await PostFormAsync(staff, "/Cadres/Submissions", new()
        {
            ["Kind"] = "PlanningProposal", ["PositionId"] = secretary.ToString(), ["OrganizationCode"] = "X00004", ["CompetentOrganizationCode"] = "T01", ["Title"] = "Tờ trình",
        });
        Assert.Contains("nhiệm kỳ quy hoạch", (await DocumentAsync(noTerm)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(before, await FingerprintAsync());

        var url = await SubmitAsync(SubmissionKind.PlanningProposal, secretary, [vice, front], termStart: 2031);

        // Another province neither sees nor decides it.
        var hcm = await SignInAsync("hcm");
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync(url)).StatusCode);
        var submitted = await FingerprintAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(hcm, url + "?handler=Decide", Approve("7-QĐ/TU"), "/Cadres/Submissions")).StatusCode);
        Assert.Equal(submitted, await FingerprintAsync());

        // The city's leader approves: a batch of the ward for 2031–2036, appraised and approved by the submission.
        var leader = await SignInAsync("lanhdao.hanoi");
        var approved = await PostFormAsync(leader, url + "?handler=Decide", Approve("140-QĐ/TU"), url);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var ward = await OrganizationIdAsync("X00004");
        var batch = await WithDbAsync(db => db.PlanningBatches.Include(b => b.Entries).SingleAsync(b => b.OrganizationId == ward && b.TermStartYear == 2031));
        Assert.Equal((PlanningStatus.Approved, "140-QĐ/TU", 2036), (batch.Status, batch.DecisionNumber, batch.TermEndYear));
        Assert.Equal(new[] { front, vice }.Order(), batch.Entries.Where(e => e.Status == PlanningEntryStatus.Approved && e.PositionId == secretary).Select(e => e.MemberId).Order());
        Assert.Contains("Đủ điều kiện", batch.AppraisalNote);
        var page = await GetDocumentAsync(leader, url);
        Assert.Contains($"/Cadres/Planning/{batch.Id}", page.QuerySelector("[data-testid=planning]")!.InnerHtml);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "planning_entries" && a.UserName == "lanhdao.hanoi")));
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "planning_batches" && a.EntityKey == batch.Id.ToString()
            && a.UserName == "lanhdao.hanoi" && a.Reason!.StartsWith("Đồng ý theo quyết định 140-QĐ/TU"))));

        // A second proposal of the same term: the ward's chair would go into the approved batch, but the city's chair holds
        // a higher post — the whole decision is refused with the reason, and nothing changes.
        var second = await SubmitAsync(SubmissionKind.PlanningProposal, secretary, [chair, cityChair], termStart: 2031);
        var ready = await FingerprintAsync();
        var refused = await PostFormAsync(leader, second + "?handler=Decide", Approve("141-QĐ/TU"), second);
        var error = (await DocumentAsync(refused)).QuerySelector("[data-testid=errors]")!.TextContent;
        Assert.Contains("Chưa ghi được quyết định, quy hoạch không thực hiện được", error);
        Assert.Contains("chỉ quy hoạch vào chức vụ cao hơn", error);
        Assert.Contains("Quy định 377-QĐ/TW", error);
        Assert.Equal(ready, await FingerprintAsync());

        // Without him, the chair joins the approved plan as a review's addition citing the decision (the third of three).
        var third = await SubmitAsync(SubmissionKind.PlanningProposal, secretary, [chair], termStart: 2031);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(leader, third + "?handler=Decide", Approve("142-QĐ/TU"), third)).StatusCode);
        var added = await WithDbAsync(db => db.PlanningEntries.SingleAsync(e => e.BatchId == batch.Id && e.MemberId == chair));
        Assert.Equal(PlanningEntryStatus.Approved, added.Status);
        Assert.StartsWith("Phê duyệt theo quyết định 142-QĐ/TU", added.AddedReason);

        // A fourth cadre for the position is over the limit of three: refused, nothing changes.
        var plain = await WithDbAsync(db => db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004."))
            && m.Status == MemberStatus.Official && !db.Appointments.Any(a => a.MemberId == m.Id)).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var fourth = await SubmitAsync(SubmissionKind.PlanningProposal, secretary, [plain], termStart: 2031);
        var full = await FingerprintAsync();
        Assert.Contains("đã có đủ 3 cán bộ", (await DocumentAsync(await PostFormAsync(leader, fourth + "?handler=Decide", Approve("143-QĐ/TU"), fourth)))
            .QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(full, await FingerprintAsync());
    }

    [Fact]
    public async Task An_approved_nomination_records_each_cadre_in_the_dossier_whose_election_result_is_recorded_once_and_counted()
    {
        var viceChair = await PositionAsync("Phó Chủ tịch");
        // A member without a post, young enough for a first nomination (60 months of working age left).
        var plain = await WithDbAsync(db => db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004."))
            && m.Status == MemberStatus.Official && m.BirthDate.Year >= 1980 && !db.Appointments.Any(a => a.MemberId == m.Id)).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var url = await SubmitAsync(SubmissionKind.Nomination, viceChair, [plain]);

        var hcm = await SignInAsync("hcm");
        var submitted = await FingerprintAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(hcm, url + "?handler=Decide", Approve("7-QĐ/TU"), "/Cadres/Submissions")).StatusCode);
        Assert.Equal(submitted, await FingerprintAsync());

        var leader = await SignInAsync("lanhdao.hanoi");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(leader, url + "?handler=Decide", Approve("150-QĐ/TU"), url)).StatusCode);
        var nomination = await WithDbAsync(db => db.Nominations.SingleAsync(n => n.MemberId == plain));
        Assert.Equal((NominationOutcome.Pending, "150-QĐ/TU", viceChair), (nomination.Outcome, nomination.DecisionNumber, nomination.PositionId));
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "nominations" && a.EntityKey == nomination.Id.ToString() && a.UserName == "lanhdao.hanoi")));
        Assert.Contains("chờ kết quả", (await GetDocumentAsync(leader, url)).QuerySelector("[data-testid=nominations]")!.TextContent);

        // In the dossier, with the appointments.
        var staff = await SignInAsync("xa.badinh");
        var dossier = (await GetDocumentAsync(staff, $"/Members/Details/{plain}")).QuerySelector("[data-testid=section-appointments] [data-testid=nominations]")!.TextContent;
        Assert.Contains("Phó Chủ tịch · Ủy ban nhân dân phường Ba Đình", dossier);
        Assert.Contains("150-QĐ/TU", dossier);

        // The result: another province does not find it, a leader without Write is refused, a bad date changes nothing.
        var page = $"/Cadres/Nominations/{nomination.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync(page)).StatusCode);
        var result = new Dictionary<string, string> { ["Outcome"] = "Elected", ["OutcomeOn"] = TodayText, ["OutcomeNote"] = "Đại biểu HĐND phường bầu" };
        var decided = await FingerprintAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(hcm, page, result, "/Cadres/Submissions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(leader, page, result, page)).StatusCode);
        Assert.Contains("không thể sau ngày hôm nay", (await DocumentAsync(await PostFormAsync(staff, page,
            new() { ["Outcome"] = "Elected", ["OutcomeOn"] = $"{Today.AddDays(1):dd/MM/yyyy}" }, page))).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(decided, await FingerprintAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, page, result, page)).StatusCode);
        Assert.Equal(NominationOutcome.Elected, await WithDbAsync(db => db.Nominations.Where(n => n.Id == nomination.Id).Select(n => n.Outcome).SingleAsync()));
        Assert.Equal("Kết quả bầu cử: trúng cử", await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "nominations" && a.EntityKey == nomination.Id.ToString())
            .OrderByDescending(a => a.Id).Select(a => a.Reason).FirstAsync()));
        Assert.Contains("Đã ghi kết quả", (await DocumentAsync(await PostFormAsync(staff, page, result, page))).QuerySelector("[data-testid=errors]")!.TextContent);

        // Counted with the submissions, within scope.
        var year = await WithDbAsync(async db => await db.Nominations.Where(n => n.DecisionDate.Year == Today.Year).GroupBy(n => n.Outcome)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(OrgCom.Core.Cadres.NominationSummary.Sentence(year.Values.Sum(), year.GetValueOrDefault(NominationOutcome.Elected),
                year.GetValueOrDefault(NominationOutcome.NotElected)) + " (theo ngày quyết định giới thiệu).",
            (await GetDocumentAsync(staff, "/Cadres/Submissions/Counts")).QuerySelector("[data-testid=nominations-summary]")!.TextContent);
        Assert.Contains("trúng cử 1", (await GetDocumentAsync(staff, "/Cadres/Submissions/Counts")).QuerySelector("[data-testid=nominations-summary]")!.TextContent);
        Assert.Contains("Giới thiệu ứng cử 0 lượt", (await GetDocumentAsync(hcm, "/Cadres/Submissions/Counts")).QuerySelector("[data-testid=nominations-summary]")!.TextContent);
    }
}
