using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Organizations;

/// <summary>Merges and splits through the pages, with the invariant checked after every operation: the party members of
/// the whole tree and of the province are the same people before and after, each counted exactly once.</summary>
public sealed class ReorganizationTests : AppTest
{
    private sealed record Census(int Counted, int Distinct, int Placed, int PlacedOnce);

    /// <summary>Counted members in the subtree of <paramref name="rootCode"/> now, and from the history as of <paramref name="on"/>
    /// (members_as_of rows, distinct people among them, and whether anybody anywhere has two placements on that date).</summary>
    private Task<Census> CensusAsync(string rootCode, DateOnly on) => WithDbAsync(async db =>
    {
        var root = await db.Organizations.SingleAsync(o => o.Code == rootCode);
        var path = db.Entry(root).Property<LTree>("Path").CurrentValue;
        var counted = await db.Members.CountAsync(m => (m.Status == MemberStatus.Official || m.Status == MemberStatus.Probationary)
            && db.Organizations.Any(o => o.Id == m.OrganizationId && EF.Property<LTree>(o, "Path").IsDescendantOf(path)));
        var asOf = await db.Database.SqlQuery<long>($"select member_id as \"Value\" from members_as_of({root.Id}, {on}, true)").ToListAsync();
        var allPlacements = await db.Database.SqlQuery<long>(
            $"select member_id as \"Value\" from member_placements where (valid_from is null or valid_from <= {on}) and (valid_to is null or valid_to > {on})").ToListAsync();
        return new Census(counted, asOf.Count, asOf.Distinct().Count(), allPlacements.Count - allPlacements.Distinct().Count() == 0 ? 1 : 0);
    });

    private async Task AssertInvariantAsync(Census before, string rootCode, DateOnly on)
    {
        var after = await CensusAsync(rootCode, on);
        Assert.Equal(before.Counted, after.Counted);
        Assert.Equal(after.Distinct, after.Placed);
        Assert.Equal(1, after.PlacedOnce);
        Assert.Equal(before.Distinct, after.Distinct);
    }

    private static Dictionary<string, string> MergeForm(string sources, string? targetCode, string decision, string date,
        (string Code, string Name, string Kind, string Parent)? newTarget = null)
    {
        var form = new Dictionary<string, string>
        {
            ["SourceCodes"] = sources, ["DecisionNumber"] = decision, ["EffectiveOn"] = date,
            ["NewTarget"] = newTarget is null ? "false" : "true", ["TargetCode"] = targetCode ?? "",
        };
        if (newTarget is { } t)
        {
            form["NewCode"] = t.Code;
            form["NewName"] = t.Name;
            form["NewKind"] = t.Kind;
            form["NewParentCode"] = t.Parent;
        }
        return form;
    }

    private async Task<List<long>> MemberIdsAsync(string code) => await WithDbAsync(db =>
        db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code == code)
                && (m.Status == MemberStatus.Official || m.Status == MemberStatus.Probationary))
            .Select(m => m.Id).OrderBy(id => id).ToListAsync());

    private async Task<List<long>> MembersAsOfAsync(string code, DateOnly on, bool subtree = false) => await WithDbAsync(async db =>
    {
        var id = await db.Organizations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
        return (await db.Database.SqlQuery<long>($"select member_id as \"Value\" from members_as_of({id}, {on}, {subtree})").ToListAsync())
            .Order().ToList();
    });

    [Fact]
    public async Task Merging_two_cells_into_a_new_one_is_previewed_applied_viewable_as_of_a_date_and_reversible()
    {
        var client = await SignInAsync("hanoi");
        var first = await OrganizationIdAsync("X00004.CB01");
        var cb1 = await MemberIdsAsync("X00004.CB01");
        var cb2 = await MemberIdsAsync("X00004.CB02");
        var on = new DateOnly(2025, 9, 1);
        var cb1DayBefore = await MembersAsOfAsync("X00004.CB01", on.AddDays(-1));
        var cb1At = await MembersAsOfAsync("X00004.CB01", on);
        var cb2At = await MembersAsOfAsync("X00004.CB02", on);
        var before = await CensusAsync("T01", on);
        var form = MergeForm("X00004.CB01\nX00004.CB02", null, "45-QĐ/ĐU", "01/09/2025",
            ("X00004.CB20", "Chi bộ Tổ dân phố số 1-2", "Cell", "X00004"));

        var preview = await DocumentAsync(await PostFormAsync(client, $"/Organizations/Merge/{first}?handler=Preview", form, $"/Organizations/Merge/{first}"));
        var moves = preview.QuerySelector("[data-testid=preview-moves]")!.TextContent;
        Assert.Contains("Chi bộ Tổ dân phố số 1-2", moves);
        Assert.Equal($"{cb1.Count + cb2.Count:N0} → {cb1.Count + cb2.Count:N0}".Replace(",", "."),
            preview.QuerySelector("[data-testid=preview-total]")!.TextContent.Trim());
        Assert.Null(await WithDbAsync(db => db.Organizations.SingleOrDefaultAsync(o => o.Code == "X00004.CB20")));

        var applied = await PostFormAsync(client, $"/Organizations/Merge/{first}?handler=Apply", form, $"/Organizations/Merge/{first}");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var reorganizationUrl = applied.Headers.Location!.OriginalString;
        await AssertInvariantAsync(before, "T01", on);

        var merged = await WithDbAsync(db => db.Organizations.SingleAsync(o => o.Code == "X00004.CB20"));
        Assert.Equal(cb1.Concat(cb2).Order(), await MemberIdsAsync("X00004.CB20"));
        Assert.Equal(cb1DayBefore, await MembersAsOfAsync("X00004.CB01", on.AddDays(-1)));
        Assert.Empty(await MembersAsOfAsync("X00004.CB01", on));
        Assert.Equal(cb1At.Concat(cb2At).Order(), await MembersAsOfAsync("X00004.CB20", on));
        var source = await WithDbAsync(db => db.Organizations.SingleAsync(o => o.Code == "X00004.CB01"));
        Assert.Equal(on, source.DissolvedOn);

        // The as-of views: the day before, the old cells; from the effective date, the merged one.
        var ward = await OrganizationIdAsync("X00004");
        var dayBefore = await GetDocumentAsync(client, $"/Organizations/Children/{ward}?date=31/08/2025");
        Assert.NotNull(dayBefore.QuerySelector("[data-testid='node-X00004.CB01']"));
        Assert.Null(dayBefore.QuerySelector("[data-testid='node-X00004.CB20']"));
        var after = await GetDocumentAsync(client, $"/Organizations/Children/{ward}?date=01/09/2025");
        Assert.Null(after.QuerySelector("[data-testid='node-X00004.CB01']"));
        Assert.NotNull(after.QuerySelector("[data-testid='node-X00004.CB20']"));
        var oldCell = await GetDocumentAsync(client, $"/Organizations/Details/{first}?date=30/06/2026");
        Assert.Contains("không tồn tại", oldCell.QuerySelector("[data-testid=as-of]")!.TextContent);
        var oldCellThen = await GetDocumentAsync(client, $"/Organizations/Details/{first}?date=31/08/2025");
        Assert.Equal(cb1DayBefore.Count, oldCellThen.QuerySelectorAll("[data-testid=member-name]").Length);
        var history = (await GetDocumentAsync(client, $"/Organizations/Details/{first}")).QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("Hợp nhất, sáp nhập — 01/09/2025", history);
        Assert.Contains("Chi bộ Tổ dân phố số 1-2", history);

        // Audited with the decision as reason.
        var reasons = await WithDbAsync(db => db.AuditEntries.Where(a => a.Reason == "Quyết định 45-QĐ/ĐU")
            .Select(a => a.EntityType).Distinct().ToListAsync());
        Assert.Contains("organizations", reasons);
        Assert.Contains("members", reasons);
        Assert.Contains("reorganizations", reasons);

        // Reversed: as if it had not happened.
        var page = await GetDocumentAsync(client, reorganizationUrl);
        Assert.Null(page.QuerySelector("[data-testid=not-reversible]"));
        var reversed = await PostFormAsync(client, reorganizationUrl + "?handler=Reverse", new() { ["Reason"] = "Quyết định bị thu hồi" }, reorganizationUrl);
        Assert.Equal(HttpStatusCode.Redirect, reversed.StatusCode);
        Assert.Equal(cb1, await MemberIdsAsync("X00004.CB01"));
        Assert.Equal(cb1At, await MembersAsOfAsync("X00004.CB01", on));
        Assert.Null(await WithDbAsync(db => db.Organizations.SingleOrDefaultAsync(o => o.Code == "X00004.CB20")));
        Assert.Null((await WithDbAsync(db => db.Organizations.SingleAsync(o => o.Code == "X00004.CB01"))).DissolvedOn);
        await AssertInvariantAsync(before, "T01", on);
        Assert.Contains("Quyết định bị thu hồi", (await GetDocumentAsync(client, reorganizationUrl)).QuerySelector("[data-testid=reversed]")!.TextContent);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Reason == "Hủy quyết định 45-QĐ/ĐU: Quyết định bị thu hồi")));
    }

    [Fact]
    public async Task Merging_a_ward_into_another_moves_its_cells_with_their_members_and_the_old_tree_stays_readable()
    {
        var client = await SignInAsync("hanoi");
        var ngocHa = await OrganizationIdAsync("X00008");
        var baDinh = await OrganizationIdAsync("X00004");
        var on = new DateOnly(2026, 1, 1);
        var before = await CensusAsync("T01", on);
        var baDinhBefore = (await CensusAsync("X00004", on)).Distinct;
        var ngocHaBefore = (await CensusAsync("X00008", on)).Distinct;
        var baDinhDayBefore = (await CensusAsync("X00004", on.AddDays(-1))).Distinct;

        var applied = await PostFormAsync(client, $"/Organizations/Merge/{ngocHa}?handler=Apply",
            MergeForm("X00008", "X00004", "12-NQ/TU", "01/01/2026"), $"/Organizations/Merge/{ngocHa}");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        await AssertInvariantAsync(before, "T01", on);
        Assert.Equal(baDinhBefore + ngocHaBefore, (await CensusAsync("X00004", on)).Distinct);
        Assert.Equal(baDinhDayBefore, (await WithDbAsync(db => db.Database
            .SqlQuery<long>($"select member_id as \"Value\" from members_as_of({baDinh}, {on.AddDays(-1)}, true)").ToListAsync())).Count);

        // Members did not move: their cells did. Their history survives the reparenting.
        var cell = await WithDbAsync(db => db.Organizations.SingleAsync(o => o.Code == "X00008.CB01"));
        Assert.Equal(baDinh, cell.ParentId);
        var then = await GetDocumentAsync(client, $"/Organizations/Details/{cell.Id}?date=31/12/2025");
        Assert.Contains("Đảng bộ phường Ngọc Hà", then.QuerySelector("[data-testid=breadcrumb]")!.TextContent);
        var now = await GetDocumentAsync(client, $"/Organizations/Details/{cell.Id}?date=01/01/2026");
        Assert.Contains("Đảng bộ phường Ba Đình", now.QuerySelector("[data-testid=breadcrumb]")!.TextContent);
        var tree = await GetDocumentAsync(client, "/Organizations/Children/" + await OrganizationIdAsync("T01") + "?date=31/12/2025");
        Assert.NotNull(tree.QuerySelector("[data-testid=node-X00008]"));
        var treeToday = await GetDocumentAsync(client, "/Organizations/Children/" + await OrganizationIdAsync("T01"));
        Assert.Null(treeToday.QuerySelector("[data-testid=node-X00008]"));

        // A later change on the receiving ward makes the merge irreversible, and the page says why.
        var rename = await PostFormAsync(client, $"/Organizations/Rename/{baDinh}", new()
        {
            ["NewName"] = "Đảng bộ phường Ba Đình mới", ["DecisionNumber"] = "20-QĐ/TU", ["EffectiveOn"] = "01/02/2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);
        var page = await GetDocumentAsync(client, applied.Headers.Location!.OriginalString);
        Assert.Contains("đổi tên", page.QuerySelector("[data-testid=not-reversible]")!.TextContent);
        var refused = await DocumentAsync(await PostFormAsync(client, applied.Headers.Location!.OriginalString + "?handler=Reverse",
            new() { ["Reason"] = "thử" }, applied.Headers.Location!.OriginalString));
        Assert.NotNull(refused.QuerySelector("[data-testid=not-reversible]"));
        Assert.NotNull((await WithDbAsync(db => db.Organizations.SingleAsync(o => o.Code == "X00008"))).DissolvedOn);
    }

    [Theory]
    [InlineData("X00004", "X00004.DBTH", "01/09/2025", "cấp dưới của nó")]
    [InlineData("X00004.CB01", "X00004.CB02", "01/01/2020", "trước ngày thành lập")]
    [InlineData("X00004.CB01", "X00004.CB01", "01/09/2025", "vừa là tổ chức bị sáp nhập vừa là tổ chức tiếp nhận")]
    [InlineData("X00004.CB01", "X00004.DBTH", "01/09/2025", "không có đảng viên sinh hoạt trực tiếp")]
    [InlineData("X00004.CB01", "X99999", "01/09/2025", "Không tìm thấy tổ chức có mã \"X99999\"")]
    public async Task Bad_merges_get_a_vietnamese_message_and_change_nothing(string sources, string target, string date, string message)
    {
        var client = await SignInAsync("hanoi");
        var first = await OrganizationIdAsync(sources.Split('\n')[0]);
        var audit = await WithDbAsync(db => db.AuditEntries.CountAsync());
        foreach (var handler in new[] { "Preview", "Apply" })
        {
            var response = await PostFormAsync(client, $"/Organizations/Merge/{first}?handler={handler}",
                MergeForm(sources, target, "45-QĐ/ĐU", date), $"/Organizations/Merge/{first}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, (await DocumentAsync(response)).QuerySelector(".validation-summary-errors, [data-testid=errors], .alert-danger")?.TextContent ?? "");
        }
        Assert.Equal(audit, await WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Merging_a_dissolved_organization_is_refused()
    {
        var client = await SignInAsync("hanoi");
        var first = await OrganizationIdAsync("X00004.CB03");
        var merged = await PostFormAsync(client, $"/Organizations/Merge/{first}?handler=Apply",
            MergeForm("X00004.CB03", "X00004.CB04", "45-QĐ/ĐU", "01/09/2025"), $"/Organizations/Merge/{first}");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var again = await DocumentAsync(await PostFormAsync(client, $"/Organizations/Merge/{first}?handler=Preview",
            MergeForm("X00004.CB03", "X00004.CB05", "46-QĐ/ĐU", "02/09/2025"), $"/Organizations/Merge/{first}"));
        Assert.Contains("đã giải thể", again.Body!.TextContent);
    }

    [Fact]
    public async Task A_split_must_place_every_member_and_then_keeps_everyone_counted_once()
    {
        var client = await SignInAsync("hanoi");
        var cell = await OrganizationIdAsync("X00004.CB01");
        var members = await WithDbAsync(db => db.Members.Where(m => m.OrganizationId == cell
                && (m.Status == MemberStatus.Official || m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Candidate))
            .Select(m => m.Id).OrderBy(i => i).ToListAsync());
        var on = new DateOnly(2025, 10, 1);
        var before = await CensusAsync("X00004", on);
        var form = new Dictionary<string, string>
        {
            ["Targets[0].IsNew"] = "true", ["Targets[0].Code"] = "X00004.CB01A", ["Targets[0].Name"] = "Chi bộ Tổ dân phố số 1A",
            ["Targets[0].Kind"] = "Cell", ["Targets[0].ParentCode"] = "X00004",
            ["Targets[1].IsNew"] = "false", ["Targets[1].ExistingCode"] = "X00004.CB02",
            ["DecisionNumber"] = "50-QĐ/ĐU", ["EffectiveOn"] = "01/10/2025",
        };
        for (var i = 0; i < members.Count - 1; i++)
            form[$"MemberTargets[{members[i]}]"] = (i % 2).ToString();
        var refused = await DocumentAsync(await PostFormAsync(client, $"/Organizations/Split/{cell}?handler=Apply", form, $"/Organizations/Split/{cell}"));
        Assert.Contains("Còn 0 tổ chức trực thuộc và 1 đảng viên chưa được phân", refused.Body!.TextContent);
        Assert.Null(await WithDbAsync(db => db.Organizations.SingleOrDefaultAsync(o => o.Code == "X00004.CB01A")));

        form[$"MemberTargets[{members[^1]}]"] = "0";
        var preview = await DocumentAsync(await PostFormAsync(client, $"/Organizations/Split/{cell}?handler=Preview", form, $"/Organizations/Split/{cell}"));
        Assert.NotNull(preview.QuerySelector("[data-testid=preview]"));
        var applied = await PostFormAsync(client, $"/Organizations/Split/{cell}?handler=Apply", form, $"/Organizations/Split/{cell}");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        await AssertInvariantAsync(before, "X00004", on);
        var newCell = await OrganizationIdAsync("X00004.CB01A");
        var placed = await WithDbAsync(db => db.Members.Where(m => members.Contains(m.Id)).Select(m => m.OrganizationId).ToListAsync());
        Assert.Equal(members.Count / 2 + 1, placed.Count(o => o == newCell));
        Assert.DoesNotContain(cell, placed);
        var events = await WithDbAsync(db => db.MemberEvents.CountAsync(e => members.Contains(e.MemberId) && e.Kind == MemberEventKind.Reassigned));
        Assert.Equal(members.Count, events);
    }

    [Fact]
    public async Task A_hanoi_user_cannot_merge_a_hcm_organization_nor_see_its_reorganizations()
    {
        var admin = await SignInAsync("admin");
        var hcmWard = await OrganizationIdAsync("X26740");
        var applied = await PostFormAsync(admin, $"/Organizations/Merge/{hcmWard}?handler=Apply",
            MergeForm("X26740.CB01", "X26740.CB02", "7-QĐ/ĐU", "01/09/2025"), $"/Organizations/Merge/{hcmWard}");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var hcmReorganization = applied.Headers.Location!.OriginalString;

        var hanoi = await SignInAsync("hanoi");
        var audit = await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action != AuditAction.View));
        Assert.Equal(HttpStatusCode.NotFound, (await hanoi.GetAsync($"/Organizations/Merge/{hcmWard}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hanoi.GetAsync(hcmReorganization)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hanoi.GetAsync($"/Organizations/Details/{hcmWard}?date=01/08/2025")).StatusCode);
        var ownWard = await OrganizationIdAsync("X00004");
        var refused = await DocumentAsync(await PostFormAsync(hanoi, $"/Organizations/Merge/{ownWard}?handler=Apply",
            MergeForm("X26740.CB03", "X00004.CB01", "8-QĐ/ĐU", "01/09/2025"), $"/Organizations/Merge/{ownWard}"));
        Assert.Contains("Không tìm thấy tổ chức có mã \"X26740.CB03\" trong phạm vi của bạn", refused.Body!.TextContent);
        Assert.DoesNotContain("Chi bộ", refused.QuerySelector("[data-testid=preview]")?.TextContent ?? "");
        var tree = await GetDocumentAsync(hanoi, "/Organizations?date=01/08/2025");
        Assert.Null(tree.QuerySelector("[data-testid=node-T79]"));
        Assert.Equal(audit, await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action != AuditAction.View)));
    }

    [Fact]
    public async Task A_future_dated_rename_shows_in_the_tree_only_from_its_date()
    {
        var client = await SignInAsync("hanoi");
        var cell = await OrganizationIdAsync("X00004.CB05");
        var ward = await OrganizationIdAsync("X00004");
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);
        var response = await PostFormAsync(client, $"/Organizations/Rename/{cell}", new()
        {
            ["NewName"] = "Chi bộ Tổ dân phố số 5 mới", ["DecisionNumber"] = "60-QĐ/ĐU", ["EffectiveOn"] = future.ToString("dd/MM/yyyy"),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var today = await GetDocumentAsync(client, $"/Organizations/Children/{ward}");
        Assert.DoesNotContain("số 5 mới", today.QuerySelector("[data-testid='node-X00004.CB05']")!.TextContent);
        var then = await GetDocumentAsync(client, $"/Organizations/Children/{ward}?date={future:dd/MM/yyyy}");
        Assert.Contains("số 5 mới", then.QuerySelector("[data-testid='node-X00004.CB05']")!.TextContent);
    }

    [Fact]
    public async Task A_move_is_a_reorganization_of_its_own_and_can_be_reversed()
    {
        var client = await SignInAsync("hanoi");
        var cell = await OrganizationIdAsync("X00004.CB06");
        var ward = await OrganizationIdAsync("X00004");
        var moved = await PostFormAsync(client, $"/Organizations/Move/{cell}", new()
        {
            ["NewParentCode"] = "X00008", ["DecisionNumber"] = "80-QĐ/TU", ["EffectiveOn"] = "01/11/2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var record = await WithDbAsync(db => db.Reorganizations.SingleAsync(r => r.DecisionNumber == "80-QĐ/TU"));
        Assert.Equal(ReorganizationKind.Move, record.Kind);
        var url = $"/Organizations/Reorganization/{record.Id}";
        Assert.Contains("Chuyển trực thuộc", (await GetDocumentAsync(client, url)).QuerySelector("h1")!.TextContent);
        var reversed = await PostFormAsync(client, url + "?handler=Reverse", new() { ["Reason"] = "Nhập nhầm" }, url);
        Assert.Equal(HttpStatusCode.Redirect, reversed.StatusCode);
        Assert.Equal(ward, (await WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == cell))).ParentId);
        var tree = await GetDocumentAsync(client, $"/Organizations/Children/{ward}?date=01/12/2025");
        Assert.NotNull(tree.QuerySelector("[data-testid='node-X00004.CB06']"));

        // A rename dated before the latest recorded change is refused.
        var renamed = await PostFormAsync(client, $"/Organizations/Rename/{cell}", new()
        {
            ["NewName"] = "Chi bộ số 6 mới", ["DecisionNumber"] = "81-QĐ/ĐU", ["EffectiveOn"] = "01/12/2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var earlier = await DocumentAsync(await PostFormAsync(client, $"/Organizations/Rename/{cell}", new()
        {
            ["NewName"] = "Chi bộ số 6 cũ", ["DecisionNumber"] = "82-QĐ/ĐU", ["EffectiveOn"] = "15/11/2025",
        }));
        Assert.Contains("thay đổi mới phải có ngày hiệu lực từ ngày đó trở đi", earlier.QuerySelector("[data-testid=errors]")!.TextContent);
    }

    [Fact]
    public async Task A_move_a_rename_and_a_refused_dissolution_keep_every_member_counted_once()
    {
        var client = await SignInAsync("hanoi");
        var on = new DateOnly(2025, 11, 1);
        var before = await CensusAsync("T01", on);
        var cell = await OrganizationIdAsync("X00004.CB05");
        var moved = await PostFormAsync(client, $"/Organizations/Move/{cell}", new()
        {
            ["NewParentCode"] = "X00008", ["DecisionNumber"] = "90-QĐ/TU", ["EffectiveOn"] = "01/11/2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        await AssertInvariantAsync(before, "T01", on);
        // The move took the cell's members with it: the ward it left no longer counts them, the other one does.
        var movedMembers = (await MembersAsOfAsync("X00004.CB05", on)).Intersect(await MembersAsOfAsync("X00004.CB05", on.AddDays(-1))).ToList();
        Assert.NotEmpty(movedMembers);
        Assert.Empty((await MembersAsOfAsync("X00004", on, subtree: true)).Intersect(movedMembers));
        Assert.Subset((await MembersAsOfAsync("X00008", on, subtree: true)).ToHashSet(), movedMembers.ToHashSet());
        Assert.Subset((await MembersAsOfAsync("X00004", on.AddDays(-1), subtree: true)).ToHashSet(), movedMembers.ToHashSet());

        var renamed = await PostFormAsync(client, $"/Organizations/Rename/{cell}", new()
        {
            ["NewName"] = "Chi bộ Tổ dân phố số 5 đổi tên", ["DecisionNumber"] = "91-QĐ/ĐU", ["EffectiveOn"] = "01/11/2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        await AssertInvariantAsync(before, "T01", on);

        // Dissolving an organization that still has members is refused and changes nothing.
        var refused = await DocumentAsync(await PostFormAsync(client, $"/Organizations/Dissolve/{cell}", new()
        {
            ["DecisionNumber"] = "92-QĐ/ĐU", ["EffectiveOn"] = "02/11/2025",
        }));
        Assert.NotNull(refused.QuerySelector("[data-testid=errors]"));
        Assert.Null((await WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == cell))).DissolvedOn);
        Assert.False(await WithDbAsync(db => db.Reorganizations.AnyAsync(r => r.DecisionNumber == "92-QĐ/ĐU")));
        await AssertInvariantAsync(before, "T01", on);
    }
}
