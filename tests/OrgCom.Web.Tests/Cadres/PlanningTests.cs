using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Cadres;

public sealed class PlanningTests : AppTest
{
    private Task<string> FingerprintAsync() => TestDatabase.ScalarAsync<string>(DatabaseName,
        "select (select coalesce(string_agg(id || status || coalesce(decision_number, ''), ',' order by id), '') from planning_batches) || '/' || "
        + "(select coalesce(string_agg(id || status, ',' order by id), '') from planning_entries) || '/' || (select count(*) from audit_log where action <> 'View')");

    [Fact]
    public async Task A_batch_is_proposed_by_staff_limited_to_three_per_position_appraised_approved_by_a_leader_and_reported()
    {
        var (members, position) = await WithDbAsync(async db =>
        {
            // People without a post: planning goes only to a post higher than one held (Quy định 377-QĐ/TW).
            var cadres = await db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004."))
                    && !db.Appointments.Any(a => a.MemberId == m.Id && a.EndedOn == null))
                .OrderBy(m => m.Id).Take(4).Select(m => m.Id).ToListAsync();
            var post = await db.Positions.Where(p => p.Name == "Bí thư Đảng ủy phường").Select(p => p.Id).SingleAsync();
            return (cadres, post);
        });
        var client = await SignInAsync("xa.badinh");
        var create = await PostFormAsync(client, "/Cadres/Planning", new()
        {
            ["OrganizationCode"] = "X00004", ["TermStartYear"] = "2026", ["TermEndYear"] = "2031", ["Title"] = "Quy hoạch Ban Thường vụ Đảng ủy phường Ba Đình",
        });
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        var url = create.Headers.Location!.OriginalString;
        var batchId = long.Parse(url.Split('/').Last());

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, url + "?handler=Propose",
                new() { ["MemberId"] = members[i].ToString(), ["PositionId"] = position.ToString() }, url)).StatusCode);

        var before = await FingerprintAsync();
        var fourth = await PostFormAsync(client, url + "?handler=Propose", new() { ["MemberId"] = members[3].ToString(), ["PositionId"] = position.ToString() }, url);
        var error = (await DocumentAsync(fourth)).QuerySelector("[data-testid=errors]")!.TextContent;
        Assert.Contains("đã có đủ 3 cán bộ", error);
        Assert.Contains("Quy định 377-QĐ/TW", error);
        Assert.Contains("đã có trong quy hoạch", (await DocumentAsync(await PostFormAsync(client, url + "?handler=Propose",
            new() { ["MemberId"] = members[0].ToString(), ["PositionId"] = position.ToString() }, url))).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Contains("không phải ngày hợp lệ", (await DocumentAsync(await PostFormAsync(client, url + "?handler=Appraise",
            new() { ["AppraisedOn"] = "hôm qua" }, url))).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(before, await FingerprintAsync());

        var today = OrgCom.Web.Infrastructure.VietnamTime.Today(TimeProvider.System);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, url + "?handler=Appraise",
            new() { ["AppraisedOn"] = $"{today.AddDays(-1):dd/MM/yyyy}", ["AppraisalNote"] = "Đủ tiêu chuẩn" }, url)).StatusCode);

        // Approval is the leaders' (Approve), not the staff's (Write): commission staff of the ward and of the city are
        // refused, see no approval form, and nothing changes.
        var appraised = await FingerprintAsync();
        var approve = new Dictionary<string, string> { ["DecisionNumber"] = "45-QĐ/ĐU", ["DecisionDate"] = $"{today:dd/MM/yyyy}" };
        var staffPage = await GetDocumentAsync(client, url);
        Assert.Empty(staffPage.QuerySelectorAll("form[action*=Approve]"));
        Assert.Contains("lãnh đạo", staffPage.QuerySelector("[data-testid=awaiting-approval]")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(client, url + "?handler=Approve", approve, url)).StatusCode);
        var cityStaff = await SignInAsync("hanoi");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(cityStaff, url + "?handler=Approve", approve, url)).StatusCode);
        Assert.Equal(appraised, await FingerprintAsync());

        var leader = await SignInAsync("lanhdao.hanoi");
        Assert.Contains("không đúng dạng", (await DocumentAsync(await PostFormAsync(leader, url + "?handler=Approve",
            new() { ["DecisionNumber"] = "QĐ", ["DecisionDate"] = $"{today:dd/MM/yyyy}" }, url))).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(leader, url + "?handler=Approve", approve, url)).StatusCode);

        var batch = await WithDbAsync(db => db.PlanningBatches.Include(b => b.Entries).SingleAsync(b => b.Id == batchId));
        Assert.Equal(PlanningStatus.Approved, batch.Status);
        Assert.Equal(3, batch.Entries.Count(e => e.Status == PlanningEntryStatus.Approved));
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "planning_batches" && a.EntityKey == batchId.ToString())
            .OrderBy(a => a.Id).Select(a => a.Reason).ToListAsync());
        Assert.Contains("Phê duyệt quy hoạch theo quyết định 45-QĐ/ĐU", audit);

        // The demo's approved Hà Nội batch (4 entries) and this one (3), in two organizations.
        var list = await GetDocumentAsync(await SignInAsync("hanoi"), "/Cadres/Planning");
        Assert.Equal("Nhiệm kỳ 2026–2031: phê duyệt quy hoạch cho 7 lượt cán bộ của 2 cơ quan, đơn vị.", list.QuerySelector("[data-testid=summary-2026]")!.TextContent);
        var own = await GetDocumentAsync(client, "/Cadres/Planning");
        Assert.Equal("Nhiệm kỳ 2026–2031: phê duyệt quy hoạch cho 3 lượt cán bộ của 1 cơ quan, đơn vị.", own.QuerySelector("[data-testid=summary-2026]")!.TextContent);

        // The yearly review changes an approved plan: the leaders' too; a removal needs a reason.
        var entry = batch.Entries.First().Id;
        var approved = await FingerprintAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(client, url + "?handler=Remove",
            new() { ["EntryId"] = entry.ToString(), ["RemoveReason"] = "Chuyển công tác" }, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(client, url + "?handler=Propose",
            new() { ["MemberId"] = members[3].ToString(), ["PositionId"] = position.ToString(), ["Reason"] = "Rà soát" }, url)).StatusCode);
        Assert.Equal(approved, await FingerprintAsync());
        Assert.Contains("phải ghi lý do", (await DocumentAsync(await PostFormAsync(leader, url + "?handler=Remove",
            new() { ["EntryId"] = entry.ToString(), ["RemoveReason"] = "" }, url))).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(leader, url + "?handler=Remove",
            new() { ["EntryId"] = entry.ToString(), ["RemoveReason"] = "Chuyển công tác" }, url)).StatusCode);
        Assert.Contains("Chuyển công tác", (await GetDocumentAsync(leader, url)).QuerySelector("[data-testid=entries]")!.TextContent);
        Assert.Equal("lanhdao.hanoi", await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "planning_entries" && a.EntityKey == entry.ToString())
            .OrderByDescending(a => a.Id).Select(a => a.UserName).FirstAsync()));

        // Another province: not found, and nothing of it in its list.
        var hcm = await SignInAsync("hcm");
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("Ba Đình", (await GetDocumentAsync(hcm, "/Cadres/Planning")).QuerySelector("[data-testid=batches]")!.TextContent);
    }

    [Fact]
    public async Task Two_proposals_at_once_for_the_last_place_of_a_position_let_only_one_in()
    {
        var (members, position) = await WithDbAsync(async db =>
        {
            var cadres = await db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004."))
                    && !db.Appointments.Any(a => a.MemberId == m.Id && a.EndedOn == null))
                .OrderBy(m => m.Id).Skip(10).Take(4).Select(m => m.Id).ToListAsync();
            var post = await db.Positions.Where(p => p.Name == "Bí thư Đảng ủy phường").Select(p => p.Id).SingleAsync();
            return (cadres, post);
        });
        var client = await SignInAsync("xa.badinh");
        var url = await CreateBatchAsync(client, "X00004", 2026, 2031, "Quy hoạch Bí thư Đảng ủy phường (đồng thời)");
        var batchId = long.Parse(url.Split('/').Last());
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, url + "?handler=Propose",
                new() { ["MemberId"] = members[i].ToString(), ["PositionId"] = position.ToString() }, url)).StatusCode);

        // Two staff at once, each proposing another cadre for the third and last place.
        var other = await SignInAsync("xa.badinh");
        var responses = await Task.WhenAll(new[] { (client, members[2]), (other, members[3]) }.Select(x => PostFormAsync(x.Item1, url + "?handler=Propose",
            new() { ["MemberId"] = x.Item2.ToString(), ["PositionId"] = position.ToString() }, url)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(3, await WithDbAsync(db => db.PlanningEntries.CountAsync(e => e.BatchId == batchId && e.PositionId == position)));
    }

    private async Task<string> CreateBatchAsync(HttpClient client, string organizationCode, int from, int to, string title)
    {
        var create = await PostFormAsync(client, "/Cadres/Planning", new()
        {
            ["OrganizationCode"] = organizationCode, ["TermStartYear"] = from.ToString(), ["TermEndYear"] = to.ToString(), ["Title"] = title,
        });
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        return create.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task A_batch_plans_only_positions_under_its_organization_and_limits_do_not_name_people_of_batches_out_of_scope()
    {
        var (members, names, wardPost, cityPost) = await WithDbAsync(async db =>
        {
            var cadres = await db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004.")))
                .OrderByDescending(m => m.Id).Take(4).Select(m => new { m.Id, m.FullName }).ToListAsync();
            var ward = await db.Positions.Where(p => p.Name == "Bí thư Đảng ủy phường").Select(p => p.Id).SingleAsync();
            var city = await db.Positions.Where(p => p.Name == "Trưởng Ban Tổ chức Thành ủy").Select(p => p.Id).SingleAsync();
            return (cadres.Select(c => c.Id).ToList(), cadres.Select(c => c.FullName).ToList(), ward, city);
        });
        // The city plans three cadres for the ward's secretary (a position under the city) for 2031–2036.
        var hanoi = await SignInAsync("hanoi");
        var cityBatch = await CreateBatchAsync(hanoi, "T01", 2031, 2036, "Quy hoạch Thành ủy nhiệm kỳ 2031–2036");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(hanoi, cityBatch + "?handler=Propose",
                new() { ["MemberId"] = members[i].ToString(), ["PositionId"] = wardPost.ToString() }, cityBatch)).StatusCode);

        // The ward's batch of the same term: a city position is neither offered nor accepted.
        var ward = await SignInAsync("xa.badinh");
        var wardBatch = await CreateBatchAsync(ward, "X00004", 2031, 2036, "Quy hoạch Đảng ủy phường Ba Đình nhiệm kỳ 2031–2036");
        var options = (await GetDocumentAsync(hanoi, wardBatch)).QuerySelectorAll("#PositionId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(wardPost.ToString(), options);
        Assert.DoesNotContain(cityPost.ToString(), options);
        var before = await FingerprintAsync();
        var outside = await PostFormAsync(hanoi, wardBatch + "?handler=Propose",
            new() { ["MemberId"] = members[3].ToString(), ["PositionId"] = cityPost.ToString() }, wardBatch);
        Assert.Contains("hoặc các tổ chức trực thuộc: đợt quy hoạch chỉ gồm chức vụ",
            (await DocumentAsync(outside)).QuerySelector("[data-testid=errors]")!.TextContent);

        // The limit counts the city's entries; the ward's staff cannot read the city's batch, so its people are counted, not named.
        var full = (await DocumentAsync(await PostFormAsync(ward, wardBatch + "?handler=Propose",
            new() { ["MemberId"] = members[3].ToString(), ["PositionId"] = wardPost.ToString() }, wardBatch))).QuerySelector("[data-testid=errors]")!.TextContent;
        Assert.Contains("đã có đủ 3 cán bộ trong quy hoạch (3 cán bộ của đợt quy hoạch ngoài phạm vi của bạn)", full);
        Assert.All(names.Take(3), n => Assert.DoesNotContain(n, full));
        // The city's staff read it, and see the names.
        var named = (await DocumentAsync(await PostFormAsync(hanoi, wardBatch + "?handler=Propose",
            new() { ["MemberId"] = members[3].ToString(), ["PositionId"] = wardPost.ToString() }, wardBatch))).QuerySelector("[data-testid=errors]")!.TextContent;
        Assert.All(names.Take(3), n => Assert.Contains(n, named));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task A_member_who_died_is_not_planned()
    {
        var (member, name, position) = await WithDbAsync(async db =>
        {
            var m = await db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004.")))
                .OrderBy(m => m.Id).Select(m => new { m.Id, m.FullName }).FirstAsync();
            await db.Database.ExecuteSqlRawAsync("update members set status = 'Deceased' where id = {0}", m.Id);
            return (m.Id, m.FullName, await db.Positions.Where(p => p.Name == "Bí thư Đảng ủy phường").Select(p => p.Id).SingleAsync());
        });
        var client = await SignInAsync("xa.badinh");
        var url = await CreateBatchAsync(client, "X00004", 2026, 2031, "Quy hoạch Đảng ủy phường Ba Đình");
        var before = await FingerprintAsync();

        var refused = await PostFormAsync(client, url + "?handler=Propose", new() { ["MemberId"] = member.ToString(), ["PositionId"] = position.ToString() }, url);

        Assert.Contains($"Không thể quy hoạch {name}: đang ở trạng thái", (await DocumentAsync(refused)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Planning_for_a_position_not_higher_than_one_held_is_refused_citing_the_rule_and_saves_nothing()
    {
        var (chair, chairName, viceChairPost, secretaryPost) = await WithDbAsync(async db =>
        {
            var post = await db.Appointments.Where(a => a.EndedOn == null && a.PositionName == "Chủ tịch · Ủy ban nhân dân phường Ba Đình")
                .Join(db.Members, a => a.MemberId, m => m.Id, (a, m) => new { m.Id, m.FullName }).SingleAsync();
            var vice = await db.Positions.Where(p => p.Name == "Phó Chủ tịch").Select(p => p.Id).SingleAsync();
            var secretary = await db.Positions.Where(p => p.Name == "Bí thư Đảng ủy phường").Select(p => p.Id).SingleAsync();
            return (post.Id, post.FullName, vice, secretary);
        });
        var client = await SignInAsync("xa.badinh");
        var url = await CreateBatchAsync(client, "X00004", 2026, 2031, "Quy hoạch Đảng ủy phường Ba Đình");
        var page = await GetDocumentAsync(client, url);
        Assert.Contains("chỉ quy hoạch vào chức vụ cao hơn", page.QuerySelector("[data-testid=rule]")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("#PositionId option").Select(o => o.TextContent), o =>
            o.StartsWith("Phó Chủ tịch · Ủy ban nhân dân phường Ba Đình — ") && o.EndsWith("(Lãnh đạo cấp xã, ủy viên ban thường vụ)"));
        var before = await FingerprintAsync();

        // The ward's Chủ tịch (a deputy's standing) for Phó Chủ tịch (a standing committee member's): lower, refused.
        var refused = await PostFormAsync(client, url + "?handler=Propose", new() { ["MemberId"] = chair.ToString(), ["PositionId"] = viceChairPost.ToString() }, url);

        var error = (await DocumentAsync(refused)).QuerySelector("[data-testid=errors]")!.TextContent;
        Assert.Contains($"{chairName} đang giữ chức vụ \"Chủ tịch · Ủy ban nhân dân phường Ba Đình\" (Lãnh đạo cấp xã, cấp phó)", error);
        Assert.Contains("chỉ quy hoạch vào chức vụ cao hơn chức vụ đang đảm nhiệm", error);
        Assert.Contains("Quy định 377-QĐ/TW", error);
        Assert.Equal(before, await FingerprintAsync());

        // For Bí thư (the head): higher, accepted; the page shows each entry's level and rank.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, url + "?handler=Propose",
            new() { ["MemberId"] = chair.ToString(), ["PositionId"] = secretaryPost.ToString() }, url)).StatusCode);
        Assert.Equal("Lãnh đạo cấp xã, người đứng đầu", (await GetDocumentAsync(client, url)).QuerySelector("[data-testid=standing]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_rank_of_a_position_is_changed_on_the_positions_page_by_its_organization_only_and_audited()
    {
        var position = await WithDbAsync(db => db.Positions.Where(p => p.Name == "Phó Giám đốc").Select(p => p.Id).SingleAsync());
        var hcm = await SignInAsync("hcm");
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(hcm, "/Cadres/Positions?handler=Rank",
            new() { ["PositionId"] = position.ToString(), ["Rank"] = "Head" }, "/Cadres/Positions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(await SignInAsync("xa.badinh"), "/Cadres/Positions?handler=Rank",
            new() { ["PositionId"] = position.ToString(), ["Rank"] = "Head" }, "/Cadres/Positions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(await SignInAsync("lanhdao.hanoi"), "/Cadres/Positions?handler=Rank",
            new() { ["PositionId"] = position.ToString(), ["Rank"] = "Head" }, "/Cadres/Positions")).StatusCode);
        Assert.Equal(PositionRank.Deputy, await WithDbAsync(db => db.Positions.Where(p => p.Id == position).Select(p => p.Rank).SingleAsync()));

        var hanoi = await SignInAsync("hanoi");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(hanoi, "/Cadres/Positions?handler=Rank",
            new() { ["PositionId"] = position.ToString(), ["Rank"] = "StandingCommitteeMember" }, "/Cadres/Positions")).StatusCode);

        Assert.Equal(PositionRank.StandingCommitteeMember, await WithDbAsync(db => db.Positions.Where(p => p.Id == position).Select(p => p.Rank).SingleAsync()));
        var selected = (await GetDocumentAsync(hanoi, "/Cadres/Positions")).QuerySelector($"tr[data-position='{position}'] option[selected]")!;
        Assert.Equal("Ủy viên Ban Thường vụ", selected.TextContent);
        Assert.Equal("hanoi", await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "positions" && a.EntityKey == position.ToString())
            .OrderByDescending(a => a.Id).Select(a => a.UserName).FirstAsync()));
    }
}
