using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Access;

/// <summary>
/// Enumerates every page, page handler and endpoint the application maps — so pages added later are covered without
/// touching this test — and proves that a user scoped to Hà Nội gets no data of Hồ Chí Minh City through any of them:
/// not through ids typed into URLs, not through posted forms, and that nothing changes. A route parameter the test
/// has no sample value for fails the test, so a new kind of id cannot slip past it.
/// </summary>
public sealed class ScopeSweepTests : AppTest
{
    private const string Marker = "BIMATHCM";

    /// <summary>Pages reachable without signing in.</summary>
    private static readonly HashSet<string> AnonymousPages = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/Login", "/Account/LoginWith2fa", "/Account/AccessDenied", "/Error", "/health",
    };

    private sealed record Foreign(long Organization, long ParentOrganization, long Member, Guid User, long PlanningBatch, long Round, long Submission = 0, long Appointment = 0)
    {
        /// <summary>A rotation within Hồ Chí Minh City (from the city to phường Sài Gòn).</summary>
        public long Rotation { get; init; }

        /// <summary>A cadre outside the party registered by phường Sài Gòn (ADR 0014).</summary>
        public long NonMemberCadre { get; init; }
        /// <summary>A nomination a Hồ Chí Minh City submission recorded.</summary>
        public long Nomination { get; init; }
    }

    private async Task<Foreign> PlantForeignDataAsync()
    {
        // Distinctive names in HCM data, so any leak shows up in a response body.
        return await WithDbAsync(async db =>
        {
            var commune = await db.Organizations.SingleAsync(o => o.Code == "X26740");
            var cell = await db.Organizations.SingleAsync(o => o.Code == "X26740.CB01");
            Assert.True(commune.Rename($"Đảng bộ phường {Marker} Sài Gòn", new DateOnly(2025, 8, 1), "1-QĐ/TU", "(kiểm thử)").IsSuccess);
            Assert.True(cell.Rename($"Chi bộ {Marker} số 1", new DateOnly(2025, 8, 1), "2-QĐ/ĐU", "(kiểm thử)").IsSuccess);
            var member = Member.Import(cell.Id,
                new Identity($"Đặng Văn {Marker}", null, Gender.Male, new DateOnly(1980, 5, 5), false, "001080012345",
                    $"Quê {Marker}", null, null, "Kinh", null, null),
                MemberStatus.Official, new DateOnly(2005, 5, 5), new DateOnly(2005, 6, 1), new DateOnly(2006, 6, 1), "12345678", "(kiểm thử)");
            db.Members.Add(member);
            var user = await db.Users.SingleAsync(u => u.UserName == "hcm");
            user.FullName = $"Người dùng {Marker}";
            var batch = OrgCom.Core.Cadres.PlanningBatch.Create(commune.Id, 2026, 2031, $"Quy hoạch {Marker}").Value!;
            db.PlanningBatches.Add(batch);
            await db.SaveChangesAsync();
            var province = await db.Organizations.SingleAsync(o => o.Code == "T79");
            var round = OrgCom.Core.Assessments.AssessmentRound.Open(province.Id, OrgCom.Core.Assessments.RoundKind.Year, 2025, null,
                $"Đợt {Marker}", null, null, new DateOnly(2025, 11, 1), new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 31)).Value!;
            db.AssessmentRounds.Add(round);
            await db.SaveChangesAsync();
            db.OrganizationAssessments.Add(OrgCom.Core.Assessments.OrganizationAssessment.Start(round.Id, cell.Id, [member.Id], []));
            await db.SaveChangesAsync();
            var post = await db.Appointments.Where(a => a.OrganizationId == province.Id && a.EndedOn == null).OrderBy(a => a.Id).FirstAsync();
            var holder = await db.Members.SingleAsync(m => m.Id == post.MemberId);
            var rotation = OrgCom.Core.Cadres.Rotation.Create(holder, new OrgCom.Core.Cadres.RotationOrigin(post.Id, post.OrganizationId, post.PositionName, post.Level),
                commune.Id, $"Bí thư {Marker}", OrgCom.Core.Cadres.PositionLevel.Commune, null, "9-QĐ/TU", new DateOnly(2026, 1, 5),
                new DateOnly(2026, 2, 1), new DateOnly(2029, 1, 31), $"Mục đích {Marker}", [], new DateOnly(2026, 11, 21)).Value!;
            db.Rotations.Add(rotation);
            await db.SaveChangesAsync();
            var position = await db.Positions.FirstAsync(p => p.OrganizationId == province.Id);
            var submission = OrgCom.Core.Cadres.PersonnelSubmission.Create(commune.Id, province.Id, true, OrgCom.Core.Cadres.SubmissionKind.Appointment,
                position, false, $"Tờ trình {Marker}", "hcm", new DateOnly(2026, 1, 5)).Value!;
            submission.AddCadre(member.Id, member.FullName, member.Status);
            db.PersonnelSubmissions.Add(submission);
            await db.SaveChangesAsync();
            var appointment = await db.Appointments.Where(a => a.OrganizationId == province.Id && a.Kind != OrgCom.Core.Cadres.AppointmentKind.Election)
                .Select(a => a.Id).FirstAsync();
            var outsider = OrgCom.Core.Cadres.NonMemberCadre.Register(commune.Id, new OrgCom.Core.Cadres.NonMemberCadreDetails(
                $"Lý Thị {Marker}", Gender.Female, new DateOnly(1975, 4, 4), false, "Kinh", null, null, PoliticalTheoryLevel.None,
                $"Quê {Marker}", null, $"Nơi {Marker}"), new DateOnly(2026, 11, 21)).Value!;
            db.NonMemberCadres.Add(outsider);
            await db.SaveChangesAsync();
            var nominated = OrgCom.Core.Cadres.PersonnelSubmission.Create(commune.Id, province.Id, true, OrgCom.Core.Cadres.SubmissionKind.Nomination,
                position, false, $"Tờ trình giới thiệu {Marker}", "hcm", new DateOnly(2026, 1, 5)).Value!;
            nominated.AddCadre(member.Id, member.FullName, member.Status);
            var none = new OrgCom.Core.Rules.RuleCitation("submission.documents.nomination", "(kiểm thử)", "", new DateOnly(2017, 12, 19), true);
            Assert.True(nominated.Appraise(new DateOnly(2026, 1, 6), "Đủ điều kiện", new DateOnly(2026, 11, 21)).IsSuccess);
            Assert.True(nominated.Submit(new DateOnly(2026, 1, 7), [], none, "hcm", new DateOnly(2026, 11, 21)).IsSuccess);
            Assert.True(nominated.Decide(true, "8-QĐ/TU", new DateOnly(2026, 1, 8), null, [], null, "lanhdao.hcm", new DateOnly(2026, 11, 21)).IsSuccess);
            db.PersonnelSubmissions.Add(nominated);
            await db.SaveChangesAsync();
            var nomination = OrgCom.Core.Cadres.Nomination.ForApproved(nominated, position).Value![0];
            db.Nominations.Add(nomination);
            await db.SaveChangesAsync();
            return new Foreign(cell.Id, commune.Id, member.Id, user.Id, batch.Id, round.Id, submission.Id, appointment)
            {
                Rotation = rotation.Id, NonMemberCadre = outsider.Id, Nomination = nomination.Id,
            };
        });
    }

    private static string SampleValue(string pattern, string parameter, Foreign foreign)
    {
        var feature = pattern.TrimStart('/').Split('/')[0];
        return (feature, parameter) switch
        {
            ("Organizations", "id") => foreign.Organization.ToString(),
            ("Organizations", "parentId") => foreign.ParentOrganization.ToString(),
            ("Admin", "id") => foreign.User.ToString(),
            ("Audit", "entityType") => "organizations",
            ("Audit", "key") => foreign.Organization.ToString(),
            ("Members", "id") => foreign.Member.ToString(),
            ("Members", "organizationId") => foreign.Organization.ToString(),
            ("Rules", "key") => "probation.months",
            ("Cadres", "memberId") => foreign.Member.ToString(),
            ("Cadres", "batchId") => foreign.PlanningBatch.ToString(),
            ("Cadres", "rotationId") => foreign.Rotation.ToString(),
            ("Cadres", "submissionId") => foreign.Submission.ToString(),
            ("Cadres", "appointmentId") => foreign.Appointment.ToString(),
            ("Cadres", "id") => foreign.NonMemberCadre.ToString(),
            ("Cadres", "nominationId") => foreign.Nomination.ToString(),
            ("Assessments", "id" or "roundId") => foreign.Round.ToString(),
            ("Assessments", "organizationId") => foreign.Organization.ToString(),
            // A frozen report id: the organization's id is not one, so the page must answer 404 like any unknown id.
            ("Reports", "id") => foreign.Organization.ToString(),
            _ => throw new Xunit.Sdk.XunitException(
                $"ScopeSweepTests has no sample value for {{{parameter}}} in {pattern}: add one to SampleValue so the new page is covered."),
        };
    }

    private sealed record Target(string Url, string Method, string? Handler);

    private async Task<List<Target>> EnumerateAsync(Foreign foreign)
    {
        var sources = Factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var loader = Factory.Services.GetRequiredService<PageLoader>();
        var targets = new List<Target>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var url = pattern;
            foreach (var p in endpoint.RoutePattern.Parameters)
            {
                var token = url[url.IndexOf("{" + p.Name, StringComparison.Ordinal)..];
                token = token[..(token.IndexOf('}') + 1)];
                url = url.Replace(token, p.IsOptional ? "" : SampleValue(pattern, p.Name, foreign));
            }
            url = url.TrimEnd('/');
            if (url.Length == 0)
                url = "/";

            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is not null)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                    targets.Add(new Target(url, handler.HttpMethod.ToUpperInvariant(), handler.Name));
                if (compiled.HandlerMethods.Count == 0)
                    targets.Add(new Target(url, "GET", null));
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            targets.AddRange(methods.Select(m => new Target(url, m, null)));
        }
        return targets.Distinct().ToList();
    }

    private static string WithHandler(Target t) => t.Handler is null ? t.Url : $"{t.Url}?handler={t.Handler}";

    /// <summary>Everything a leaked write could touch, except the acting user's own account, which they may change.</summary>
    private Task<string> FingerprintAsync(string actingUser) => WithDbAsync(async db =>
    {
        var orgs = await db.Organizations.IgnoreQueryFilters()
            .OrderBy(o => o.Id).Select(o => o.Id + o.Name + o.ParentId + o.DissolvedOn).ToListAsync();
        var users = await db.Users.Where(u => u.UserName != actingUser).OrderBy(u => u.Id)
            .Select(u => u.Id + u.FullName + u.IsActive + u.PasswordHash + u.TwoFactorEnabled + u.LockoutEnd).ToListAsync();
        var grants = await db.UserGrants.IgnoreQueryFilters().OrderBy(g => g.Id).Select(g => g.Id + g.Role.ToString() + g.OrganizationId).ToListAsync();
        var members = await db.Members.IgnoreQueryFilters().OrderBy(m => m.Id).Select(m => m.Id + m.FullName + m.OrganizationId).ToListAsync();
        var assessments = await db.OrganizationAssessments.IgnoreQueryFilters().OrderBy(a => a.Id)
            .Select(a => a.Id + a.Status.ToString() + a.ExcellentCount + a.GoodCount + a.RequiredCount).ToListAsync();
        var rounds = await db.AssessmentRounds.IgnoreQueryFilters().CountAsync();
        members.AddRange(assessments);
        members.Add(rounds.ToString());
        members.AddRange((await db.Rotations.IgnoreQueryFilters().OrderBy(r => r.Id).ToListAsync())
            .Select(r => $"{r.Id}{r.ToPositionName}{r.ActualEndOn}{r.ReturnPlacement}"));
        var audit = await db.AuditEntries.IgnoreQueryFilters().CountAsync(a =>
            a.Action != OrgCom.Web.Infrastructure.Audit.AuditAction.View && (a.OrganizationId != null || a.UserName != actingUser));
        return string.Join("|", orgs.Count, string.Concat(orgs).GetHashCode(), string.Concat(users).GetHashCode(),
            string.Concat(grants).GetHashCode(), string.Concat(members).GetHashCode(), audit);
    });

    [Fact]
    public async Task A_user_scoped_to_one_province_gets_no_data_of_another_through_any_endpoint()
    {
        var foreign = await PlantForeignDataAsync();
        var targets = await EnumerateAsync(foreign);
        Assert.Contains(targets, t => t.Url.StartsWith("/Organizations/Details/", StringComparison.Ordinal));

        // Positive control: the marker is visible to someone allowed to see it, so its absence below means something.
        var root = await SignInAsync("admin");
        var leaks = 0;
        foreach (var target in targets.Where(t => t.Method == "GET"))
        {
            var body = await (await root.GetAsync(WithHandler(target))).Content.ReadAsStringAsync();
            if (body.Contains(Marker, StringComparison.Ordinal))
                leaks++;
        }
        Assert.True(leaks >= 2, $"the root administrator should see the planted data on several pages, saw it on {leaks}");

        foreach (var userName in new[] { "hanoi", "lanhdao.hanoi", "xa.badinh" })
        {
            var client = await SignInAsync(userName);
            var token = await AntiforgeryTokenAsync(client, "/");
            var before = await FingerprintAsync(userName);
            var checkedCount = 0;
            // Signing out would end the sweep's session; sign-out is tested on its own.
            foreach (var target in targets.Where(t => !(t.Url == "/Account/Logout" && t.Method == "POST")))
            {
                var request = new HttpRequestMessage(new HttpMethod(target.Method), WithHandler(target));
                if (target.Method != "GET")
                    request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token,
                        ["NewParentCode"] = "X26740", ["Code"] = "X26740", ["OrganizationCode"] = "X26740",
                        ["DecisionNumber"] = "1-QĐ/TU", ["EffectiveOn"] = "01/09/2025", ["NewName"] = "x",
                    });
                var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                Assert.False(body.Contains(Marker, StringComparison.Ordinal),
                    $"{userName}: {target.Method} {WithHandler(target)} returned another province's data ({(int)response.StatusCode}).");
                Assert.False(response.Headers.Location?.OriginalString.StartsWith("/Account/Login", StringComparison.Ordinal) == true
                        && !AnonymousPages.Contains(target.Url),
                    $"{userName}: {target.Method} {WithHandler(target)} sent the signed-in user to sign in: the sweep lost its session.");
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Found or HttpStatusCode.Redirect
                        or HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed,
                    $"{userName}: {target.Method} {WithHandler(target)} answered {(int)response.StatusCode}.");
                checkedCount++;
            }
            Assert.Equal(before, await FingerprintAsync(userName));
            Assert.True(checkedCount >= 10, $"only {checkedCount} endpoints were checked");
        }
    }

    [Fact]
    public async Task Every_page_except_sign_in_requires_a_signed_in_user()
    {
        var foreign = await PlantForeignDataAsync();
        var client = Anonymous();
        foreach (var target in (await EnumerateAsync(foreign)).Where(t => t.Method == "GET"))
        {
            var response = await client.GetAsync(WithHandler(target));
            if (AnonymousPages.Contains(target.Url))
                continue;
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.Unauthorized,
                $"anonymous GET {WithHandler(target)} answered {(int)response.StatusCode}");
            if (response.Headers.Location is { } location)
                Assert.StartsWith("/Account/Login", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        }
    }

    [Fact]
    public async Task The_save_guard_refuses_a_write_outside_scope_even_when_a_page_forgot_to_check()
    {
        var hcmCell = await OrganizationIdAsync("X26740.CB01");
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrgCom.Web.Data.OrgComDbContext>();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        var hanoi = await db.Users.SingleAsync(u => u.UserName == "hanoi");
        var hanoiRoot = await db.Organizations.IgnoreQueryFilters().Where(o => o.Code == "T01")
            .Select(o => new { o.Id, Path = EF.Property<LTree>(o, "Path") }).SingleAsync();
        user.SetUser(hanoi.Id, "hanoi", null, [new ScopeGrant(OrgCom.Core.Access.Role.CommissionStaff, hanoiRoot.Id, hanoiRoot.Path)]);

        Assert.Null(await db.Organizations.SingleOrDefaultAsync(o => o.Id == hcmCell));
        var cell = await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == hcmCell);
        cell.Rename("Đổi tên trái phép", new DateOnly(2025, 9, 1), "1-QĐ/TU", "hanoi");
        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());

        var name = await WithDbAsync(d => d.Organizations.Where(o => o.Id == hcmCell).Select(o => o.Name).SingleAsync());
        Assert.NotEqual("Đổi tên trái phép", name);
    }
}
