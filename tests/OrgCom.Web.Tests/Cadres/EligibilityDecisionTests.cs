using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Web.Infrastructure.Rules;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Cadres;

/// <summary>The eligibility check — on its page and at a submission's decision — counts the months of working age to a
/// decided later retirement in force on the reference date, and says by which decision.</summary>
public sealed class EligibilityDecisionTests : AppTest
{
    private static readonly DateOnly Today = OrgCom.Web.Infrastructure.VietnamTime.Today(TimeProvider.System);
    private static string F(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_later_retirement_decided_by_the_date_counts_on_the_eligibility_page_and_at_the_submissions_decision()
    {
        // A ward man born in 1967: by age he retires at 62 in 2029, under the 60 months a first appointment needs.
        var (book, _) = await Factory.Services.GetRequiredService<RuleBookProvider>().GetAsync(CancellationToken.None);
        var (near, position) = await WithDbAsync(async db =>
        {
            var member = await db.Members.Where(m => m.Gender == Gender.Male && m.BirthDate.Year == 1967 && m.Status == MemberStatus.Official
                    && db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004.")))
                .OrderBy(m => m.Id).FirstAsync();
            return (member, await db.Positions.Where(p => p.Name == "Phó Chủ tịch").Select(p => p.Id).SingleAsync());
        });
        var computed = Retirement.For(near.Gender, near.BirthDate, near.BirthYearOnly, book).Value!;
        var hanoi = await SignInAsync("hanoi");
        string Url(DateOnly on) => $"/Cadres/Eligibility?MemberId={near.Id}&PositionId={position}&Date={F(on)}";
        async Task<string> FirstAppointmentAsync(DateOnly on) => (await GetDocumentAsync(hanoi, Url(on)))
            .QuerySelectorAll("[data-testid=checks] tbody tr").Single(r => r.TextContent.Contains("Bổ nhiệm lần đầu")).TextContent;
        Assert.Contains("Không đạt", await FirstAppointmentAsync(Today));

        // Decided ten days ago: retirement 36 months after the computed date (within the 60 the rule allows).
        var decidedOn = Today.AddDays(-10);
        await WithDbAsync(async db =>
        {
            var decision = RetirementDecision.Create(near, true, computed, RetirementDecisionKind.Later, computed.PensionFrom.AddMonths(36),
                "77-QĐ/TU", decidedOn, "Có học vị tiến sĩ", book, Today);
            Assert.True(decision.IsSuccess, decision.Error?.Message);
            db.RetirementDecisions.Add(decision.Value!);
            return await db.SaveChangesAsync();
        });

        var passed = await FirstAppointmentAsync(Today);
        Assert.Contains("Đạt", passed);
        Assert.DoesNotContain("Không đạt", passed);
        Assert.Contains($"nghỉ hưu từ ngày {F(computed.PensionFrom.AddMonths(36))} theo quyết định nghỉ hưu ở tuổi cao hơn số 77-QĐ/TU ngày {F(decidedOn)}", passed);
        Assert.Contains($"theo tuổi: đủ tuổi nghỉ hưu", passed);
        // Before the decision was taken it was not in force: the computed date counts.
        var before = await FirstAppointmentAsync(decidedOn.AddDays(-1));
        Assert.Contains("Không đạt", before);
        Assert.DoesNotContain("theo quyết định", before);

        // A submission for him: the check at the decision uses the decided date, so no rule fails and no reason is needed.
        var staff = await SignInAsync("xa.badinh");
        var create = await PostFormAsync(staff, "/Cadres/Submissions", new()
        {
            ["Kind"] = "Appointment", ["PositionId"] = position.ToString(), ["OrganizationCode"] = "X00004",
            ["CompetentOrganizationCode"] = "T01", ["IsConcurrent"] = "true", ["Title"] = "Tờ trình bổ nhiệm Phó Chủ tịch UBND phường",
        });
        var url = create.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, url + "?handler=AddCadre", new() { ["MemberId"] = near.Id.ToString() }, url)).StatusCode);
        foreach (var d in PersonnelSubmission.RequiredDocuments(SubmissionKind.Appointment, book, Today).Documents)
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, url + "?handler=Tick",
                new() { ["MemberId"] = near.Id.ToString(), ["Document"] = d.ToString(), ["Present"] = "true" }, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, url + "?handler=Appraise",
            new() { ["AppraisedOn"] = F(Today), ["AppraisalOpinion"] = "Đủ điều kiện" }, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, url + "?handler=Submit", new() { ["SubmittedOn"] = F(Today) }, url)).StatusCode);

        var leader = await SignInAsync("lanhdao.hanoi");
        Assert.Contains("theo quyết định nghỉ hưu ở tuổi cao hơn số 77-QĐ/TU", (await GetDocumentAsync(leader, url)).QuerySelector("[data-testid=eligibility]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(leader, url + "?handler=Decide",
            new() { ["Approved"] = "true", ["DecisionNumber"] = "126-QĐ/TU", ["DecisionDate"] = F(Today) }, url)).StatusCode);
        Assert.True(await WithDbAsync(db => db.Appointments.AnyAsync(a => a.MemberId == near.Id && a.PositionId == position && a.DecisionNumber == "126-QĐ/TU")));
        Assert.Null(await WithDbAsync(db => db.PersonnelSubmissions.Where(s => s.DecisionNumber == "126-QĐ/TU").Select(s => s.OverrideReason).SingleAsync()));
    }
}
