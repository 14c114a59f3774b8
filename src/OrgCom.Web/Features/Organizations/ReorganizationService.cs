using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Organizations;

/// <summary>A receiving organization to establish as part of the operation, under an existing parent.</summary>
public sealed record NewOrganization(string Code, string Name, OrganizationKind Kind, string ParentCode);

/// <summary>A receiving organization: an existing one (by code) or a new one.</summary>
public sealed record TargetSpec(string? ExistingCode, NewOrganization? New);

public sealed record MergeRequest(IReadOnlyList<string> SourceCodes, TargetSpec Target, DateOnly EffectiveOn, string Decision);

/// <param name="ChildTargets">Each active child organization of the source → the index of its receiving organization.</param>
/// <param name="MemberTargets">Each member registered in the source → the index of their receiving organization.</param>
public sealed record SplitRequest(string SourceCode, IReadOnlyList<TargetSpec> Targets,
    IReadOnlyDictionary<long, int> ChildTargets, IReadOnlyDictionary<long, int> MemberTargets, DateOnly EffectiveOn, string Decision);

/// <summary>One line of "what moves where".</summary>
public sealed record PreviewMove(string From, string To, int Organizations, int Members);

/// <summary>Counts of one organization taking part, before and after (members counted: probationary and official).</summary>
public sealed record PreviewCount(string Organization, bool IsNew, bool Ends, int ChildrenBefore, int ChildrenAfter, int MembersBefore, int MembersAfter);

public sealed record ReorganizationPreview(ReorganizationKind Kind, DateOnly EffectiveOn, string Decision,
    IReadOnlyList<PreviewMove> Moves, IReadOnlyList<PreviewCount> Counts)
{
    public int MembersMoved => Moves.Sum(m => m.Members);
    public int OrganizationsMoved => Moves.Sum(m => m.Organizations);
    public int TotalBefore => Counts.Sum(c => c.MembersBefore);
    public int TotalAfter => Counts.Sum(c => c.MembersAfter);

    public string Summary() => string.Join('\n',
        Moves.Select(m => $"{m.From} → {m.To}: {m.Organizations:N0} tổ chức, {m.Members:N0} đảng viên")
            .Concat(Counts.Select(c => $"{c.Organization}: đảng viên {c.MembersBefore:N0} → {c.MembersAfter:N0}; tổ chức trực thuộc {c.ChildrenBefore:N0} → {c.ChildrenAfter:N0}"
                + (c.IsNew ? " (thành lập mới)" : c.Ends ? " (chấm dứt hoạt động)" : ""))));
}

/// <summary>
/// Merges and splits as single operations: planned and checked (the same plan is shown as the preview and applied),
/// applied in one transaction with their decision number and effective date, and reversed as a whole while nothing
/// recorded later depends on them. Children organizations and members follow their organization; members who have
/// left, were removed or died stay where their membership ended.
/// </summary>
public sealed class ReorganizationService(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, TimeProvider clock)
{
    private sealed record Target(Organization Organization, bool IsNew, Organization? Parent, LTree? ParentPath);

    private sealed class Plan
    {
        public required ReorganizationKind Kind { get; init; }
        public required List<Organization> Sources { get; init; }
        public required List<Target> Targets { get; init; }
        public required List<(Organization Child, int Target)> Children { get; init; }
        public required List<(long MemberId, long From, int Target)> Members { get; init; }
        public required ReorganizationPreview Preview { get; set; }
    }

    public async Task<Result<ReorganizationPreview>> PreviewMergeAsync(MergeRequest request, CancellationToken ct)
    {
        var plan = await PlanMergeAsync(request, ct);
        return plan.IsSuccess ? plan.Value!.Preview : plan.Error!;
    }

    public async Task<Result<ReorganizationPreview>> PreviewSplitAsync(SplitRequest request, CancellationToken ct)
    {
        var plan = await PlanSplitAsync(request, ct);
        return plan.IsSuccess ? plan.Value!.Preview : plan.Error!;
    }

    public async Task<Result<Reorganization>> MergeAsync(MergeRequest request, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = await PlanMergeAsync(request, ct);
        if (!plan.IsSuccess)
            return plan.Error!;
        var applied = await ApplyAsync(plan.Value!, request.EffectiveOn, request.Decision, ct);
        if (applied.IsSuccess)
            await transaction.CommitAsync(ct);
        return applied;
    }

    public async Task<Result<Reorganization>> SplitAsync(SplitRequest request, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = await PlanSplitAsync(request, ct);
        if (!plan.IsSuccess)
            return plan.Error!;
        var applied = await ApplyAsync(plan.Value!, request.EffectiveOn, request.Decision, ct);
        if (applied.IsSuccess)
            await transaction.CommitAsync(ct);
        return applied;
    }

    // ---- Planning: load within scope, check permission and rules, compute the preview.

    private async Task<Result<Plan>> PlanMergeAsync(MergeRequest request, CancellationToken ct)
    {
        var codes = request.SourceCodes.Select(Organization.NormalizeCode).Where(c => c.Length > 0).Distinct().ToList();
        var sources = new List<Organization>();
        foreach (var code in codes)
        {
            var source = await LoadWritableAsync(code, ct);
            if (!source.IsSuccess)
                return source.Error!;
            sources.Add(source.Value!);
        }
        var target = await ResolveTargetAsync(request.Target, request.EffectiveOn, request.Decision, ct);
        if (!target.IsSuccess)
            return target.Error!;
        var t = target.Value!;
        var members = await MovingMembersAsync(sources.Select(s => s.Id), ct);
        var check = Reorganizer.CheckMerge(
            sources.Select(s => new Participant(s, Lineage(s), members.Count(m => m.OrganizationId == s.Id))).ToList(),
            new Participant(t.Organization, t.IsNew ? Lineage(t.ParentPath!.Value) : Lineage(t.Organization), 0),
            t.IsNew, request.EffectiveOn);
        if (!check.IsSuccess)
            return check.Error!;
        var children = await ActiveChildrenAsync(sources.Select(s => s.Id), ct);
        var plan = new Plan
        {
            Kind = ReorganizationKind.Merge,
            Sources = sources,
            Targets = [t],
            Children = children.Select(c => (c, 0)).ToList(),
            Members = members.Select(m => (m.Id, m.OrganizationId, 0)).ToList(),
            Preview = null!,
        };
        plan.Preview = await PreviewAsync(plan, request.EffectiveOn, request.Decision, ct);
        return plan;
    }

    private async Task<Result<Plan>> PlanSplitAsync(SplitRequest request, CancellationToken ct)
    {
        var loaded = await LoadWritableAsync(request.SourceCode, ct);
        if (!loaded.IsSuccess)
            return loaded.Error!;
        var source = loaded.Value!;
        var targets = new List<Target>();
        foreach (var spec in request.Targets)
        {
            var target = await ResolveTargetAsync(spec, request.EffectiveOn, request.Decision, ct);
            if (!target.IsSuccess)
                return target.Error!;
            if (targets.Any(x => !x.IsNew && x.Organization.Id == target.Value!.Organization.Id && !target.Value.IsNew))
                continue;
            targets.Add(target.Value!);
        }
        var children = await ActiveChildrenAsync([source.Id], ct);
        var members = await MovingMembersAsync([source.Id], ct);
        int? TargetOf(IReadOnlyDictionary<long, int> map, long id) =>
            map.TryGetValue(id, out var i) && i >= 0 && i < targets.Count ? i : null;
        var unassignedChildren = children.Count(c => TargetOf(request.ChildTargets, c.Id) is null);
        var unassignedMembers = members.Count(m => TargetOf(request.MemberTargets, m.Id) is null);
        var membersByTarget = targets.Select((_, i) => members.Count(m => TargetOf(request.MemberTargets, m.Id) == i)).ToList();
        var check = Reorganizer.CheckSplit(new Participant(source, Lineage(source), members.Count),
            targets.Select(x => (new Participant(x.Organization, x.IsNew ? Lineage(x.ParentPath!.Value) : Lineage(x.Organization)), x.IsNew)).ToList(),
            unassignedChildren, unassignedMembers, membersByTarget, request.EffectiveOn);
        if (!check.IsSuccess)
            return check.Error!;
        var plan = new Plan
        {
            Kind = ReorganizationKind.Split,
            Sources = [source],
            Targets = targets,
            Children = children.Select(c => (c, TargetOf(request.ChildTargets, c.Id)!.Value)).ToList(),
            Members = members.Select(m => (m.Id, m.OrganizationId, TargetOf(request.MemberTargets, m.Id)!.Value)).ToList(),
            Preview = null!,
        };
        plan.Preview = await PreviewAsync(plan, request.EffectiveOn, request.Decision, ct);
        return plan;
    }

    private async Task<ReorganizationPreview> PreviewAsync(Plan plan, DateOnly on, string decision, CancellationToken ct)
    {
        var moves = new List<PreviewMove>();
        foreach (var source in plan.Sources)
            for (var i = 0; i < plan.Targets.Count; i++)
            {
                var orgs = plan.Children.Count(c => c.Child.ParentId == source.Id && c.Target == i);
                var members = plan.Members.Count(m => m.From == source.Id && m.Target == i);
                if (orgs > 0 || members > 0 || plan.Kind == ReorganizationKind.Merge)
                    moves.Add(new PreviewMove(source.Name, plan.Targets[i].Organization.Name, orgs, members));
            }
        var movingIds = plan.Members.Select(m => m.MemberId).ToArray();
        var counted = (await db.Members.Where(m => movingIds.Contains(m.Id) && (m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official))
            .Select(m => m.Id).ToListAsync(ct)).ToHashSet();
        var counts = new List<PreviewCount>();
        foreach (var source in plan.Sources)
        {
            var children = plan.Children.Count(c => c.Child.ParentId == source.Id);
            var members = plan.Members.Count(m => m.From == source.Id && counted.Contains(m.MemberId));
            counts.Add(new PreviewCount(source.Name, false, true, children, 0, members, 0));
        }
        for (var i = 0; i < plan.Targets.Count; i++)
        {
            var t = plan.Targets[i];
            var childrenBefore = t.IsNew ? 0 : await db.Organizations.CountAsync(o => o.ParentId == t.Organization.Id && o.DissolvedOn == null, ct);
            var membersBefore = t.IsNew ? 0 : await db.Members.CountAsync(m => m.OrganizationId == t.Organization.Id
                && (m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official), ct);
            counts.Add(new PreviewCount(t.Organization.Name, t.IsNew, false, childrenBefore,
                childrenBefore + plan.Children.Count(c => c.Target == i),
                membersBefore, membersBefore + plan.Members.Count(m => m.Target == i && counted.Contains(m.MemberId))));
        }
        return new ReorganizationPreview(plan.Kind, on, decision, moves, counts);
    }

    // ---- Applying: the same plan, one transaction (the caller's).

    private async Task<Result<Reorganization>> ApplyAsync(Plan plan, DateOnly on, string decision, CancellationToken ct)
    {
        var actor = currentUser.UserName;
        audit.Reason = $"Quyết định {decision}";
        var anchor = plan.Kind == ReorganizationKind.Merge
            ? plan.Targets[0].IsNew ? plan.Targets[0].Parent!.Id : plan.Targets[0].Organization.Id
            : plan.Sources[0].Id;
        var record = new Reorganization(plan.Kind, anchor, on, decision, plan.Preview.Summary(), actor)
        {
            MembersMoved = plan.Preview.MembersMoved,
            OrganizationsMoved = plan.Preview.OrganizationsMoved,
        };
        db.Reorganizations.Add(record);
        await db.SaveChangesAsync(ct);

        // New receiving organizations are established by the same decision, as part of the operation.
        var targets = new List<Organization>();
        foreach (var t in plan.Targets)
        {
            if (!t.IsNew)
            {
                targets.Add(t.Organization);
                continue;
            }
            var established = Organization.Establish(t.Organization.Code, t.Organization.Name, t.Organization.Kind, t.Parent, on,
                decision, t.Organization.AdministrativeUnitCode, actor, record.Id);
            if (!established.IsSuccess)
                return established.Error!;
            db.Organizations.Add(established.Value!);
            targets.Add(established.Value!);
        }
        await db.SaveChangesAsync(ct);
        if (plan.Kind == ReorganizationKind.Merge)
            record.FileUnder(targets[0].Id);

        foreach (var (child, index) in plan.Children)
        {
            var moved = child.FollowTo(targets[index], on, decision, record.Id, actor);
            if (!moved.IsSuccess)
                return moved.Error!;
        }
        var memberIds = plan.Members.Select(m => m.MemberId).ToArray();
        var members = await db.Members.Include(m => m.Placements).Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        foreach (var (memberId, _, index) in plan.Members)
        {
            var reassigned = members[memberId].Reassign(targets[index].Id, on, decision, record.Id, actor);
            if (!reassigned.IsSuccess)
                return new Error(reassigned.Error!.Code, $"{members[memberId].FullName}: {reassigned.Error.Message}");
        }
        foreach (var source in plan.Sources)
        {
            var ended = source.End(plan.Kind == ReorganizationKind.Merge ? OrganizationEventKind.Merged : OrganizationEventKind.Split,
                plan.Kind == ReorganizationKind.Merge ? targets[0] : null, on, decision, record.Id, actor);
            if (!ended.IsSuccess)
                return ended.Error!;
            for (var i = 0; i < targets.Count; i++)
                if (plan.Kind == ReorganizationKind.Merge || plan.Children.Any(c => c.Target == i) || plan.Members.Any(m => m.Target == i))
                    targets[i].RecordAbsorbed(source, on, decision, record.Id, actor);
        }
        await db.SaveChangesAsync(ct);
        return record;
    }

    // ---- Reversal.

    /// <summary>Why the reorganization cannot be reversed now, or null if it can.</summary>
    public async Task<string?> WhyNotReversibleAsync(Reorganization record, CancellationToken ct)
    {
        if (record.Status != ReorganizationStatus.Applied)
            return "Quyết định này đã được hủy.";
        var own = await db.OrganizationEvents.IgnoreQueryFilters().Where(e => e.ReorganizationId == record.Id)
            .Select(e => new { e.Id, e.OrganizationId }).ToListAsync(ct);
        var involved = own.Select(e => e.OrganizationId).Distinct().ToArray();
        var lastOwn = own.Count == 0 ? 0 : own.Max(e => e.Id);
        var later = await db.OrganizationEvents.IgnoreQueryFilters()
            .Where(e => e.Id > lastOwn && e.ReorganizationId != record.Id
                && (involved.Contains(e.OrganizationId) || (e.ToParentId != null && involved.Contains(e.ToParentId.Value))))
            .OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
        if (later is not null)
        {
            // Named only within the user's scope (a later change may lie elsewhere).
            var name = await db.Organizations.Where(o => o.Id == later.OrganizationId).Select(o => o.Name).SingleOrDefaultAsync(ct)
                ?? "một tổ chức ngoài phạm vi quản lý của bạn";
            return $"Không thể hủy: sau quyết định này, {name} đã có thay đổi \"{OrganizationEvent.DisplayName(later.Kind).ToLowerInvariant()}\" "
                + $"hiệu lực ngày {DateText.Format(later.EffectiveOn)}{(later.DecisionNumber is null ? "" : $" (quyết định {later.DecisionNumber})")}, "
                + "dựa trên kết quả của nó. Hãy hủy thay đổi đó trước.";
        }
        var ownMemberEvents = await db.MemberEvents.IgnoreQueryFilters().Where(e => e.ReorganizationId == record.Id)
            .Select(e => new { e.Id, e.MemberId }).ToListAsync(ct);
        var movedMembers = ownMemberEvents.Select(e => e.MemberId).ToArray();
        var lastOwnMember = ownMemberEvents.Count == 0 ? 0 : ownMemberEvents.Max(e => e.Id);
        // Later: after the operation's own events, or (when it moved nobody) recorded after it.
        var laterMember = await db.MemberEvents.IgnoreQueryFilters()
            .Where(e => (lastOwnMember > 0 ? e.Id > lastOwnMember : e.RecordedAt > record.RecordedAt) && e.ReorganizationId != record.Id
                && (movedMembers.Contains(e.MemberId) || involved.Contains(e.OrganizationId)))
            .OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
        if (laterMember is not null)
        {
            // Named only within the user's scope: a member moved by it may since have transferred elsewhere.
            var name = await db.Members.Where(m => m.Id == laterMember.MemberId).Select(m => m.FullName).SingleOrDefaultAsync(ct)
                ?? "(ngoài phạm vi quản lý của bạn)";
            return $"Không thể hủy: sau quyết định này, đảng viên {name} đã có thay đổi \"{MemberEvent.DisplayName(laterMember.Kind).ToLowerInvariant()}\" "
                + $"ngày {DateText.Format(laterMember.EffectiveOn)} tại tổ chức mới. Hãy hủy thay đổi đó trước.";
        }
        return null;
    }

    public async Task<Result> ReverseAsync(long reorganizationId, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return new Error("reorganization.reverse.reason", "Chưa nhập lý do hủy.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var record = await db.Reorganizations.SingleOrDefaultAsync(r => r.Id == reorganizationId, ct);
        if (record is null)
            return new Error("reorganization.missing", "Không tìm thấy quyết định sắp xếp trong phạm vi của bạn.");
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock(8008, 0)", ct);
        if (await WhyNotReversibleAsync(record, ct) is { } why)
            return new Error("reorganization.reverse.later", why);

        var events = await db.OrganizationEvents.Where(e => e.ReorganizationId == record.Id).OrderByDescending(e => e.Id).ToListAsync(ct);
        var organizationIds = events.Select(e => e.OrganizationId).Distinct().ToArray();
        var organizations = await db.Organizations.Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        if (organizations.Count != organizationIds.Length)
            return new Error("reorganization.reverse.scope", "Bạn không có quyền với mọi tổ chức mà quyết định này đã thay đổi.");
        foreach (var o in organizations.Values)
            if (!currentUser.Can(Permission.Write, OrganizationQueries.PathOf(o, db)))
                return new Error("reorganization.reverse.scope", $"Bạn không có quyền thay đổi {o.Name}.");

        audit.Reason = $"Hủy quyết định {record.DecisionNumber}: {reason.Trim()}";
        var members = await db.Members.Include(m => m.Placements).Include(m => m.Events.Where(e => e.ReorganizationId == record.Id))
            .Where(m => m.Events.Any(e => e.ReorganizationId == record.Id)).ToListAsync(ct);
        foreach (var member in members)
        {
            var (placement, e) = member.UndoReassign(record.Id);
            if (placement is not null)
                db.MemberPlacements.Remove(placement);
            if (e is not null)
                db.MemberEvents.Remove(e);
        }
        var established = new List<Organization>();
        foreach (var e in events)
        {
            organizations[e.OrganizationId].Revert(e);
            if (e.Kind == OrganizationEventKind.Established)
                established.Add(organizations[e.OrganizationId]);
            db.OrganizationEvents.Remove(e);
        }
        if (established.Count > 0 && record.Kind == ReorganizationKind.Merge)
            record.FileUnder(established[0].ParentId!.Value);
        record.MarkReversed(currentUser.UserName, clock.GetUtcNow(), reason);
        await db.SaveChangesAsync(ct);
        // An organization established by the reversed decision never existed: its row goes too.
        db.Organizations.RemoveRange(established);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Ok();
    }

    // ---- Loading.

    private async Task<Result<Organization>> LoadWritableAsync(string code, CancellationToken ct)
    {
        var normalized = Organization.NormalizeCode(code);
        var o = await db.Organizations.Include(x => x.Events).SingleOrDefaultAsync(x => x.Code == normalized, ct);
        if (o is null)
            return new Error("reorganization.missing", $"Không tìm thấy tổ chức có mã \"{normalized}\" trong phạm vi của bạn.");
        if (!currentUser.Can(Permission.Write, OrganizationQueries.PathOf(o, db)))
            return new Error("reorganization.scope", $"Bạn không có quyền thay đổi {o.Name}.");
        return o;
    }

    private async Task<Result<Target>> ResolveTargetAsync(TargetSpec spec, DateOnly on, string decision, CancellationToken ct)
    {
        if (spec.New is null)
        {
            if (string.IsNullOrWhiteSpace(spec.ExistingCode))
                return new Error("reorganization.target.required", "Chưa chọn tổ chức tiếp nhận (tổ chức có sẵn hoặc thành lập mới).");
            var existing = await LoadWritableAsync(spec.ExistingCode, ct);
            return existing.IsSuccess ? new Target(existing.Value!, false, null, null) : existing.Error!;
        }
        var parent = await LoadWritableAsync(spec.New.ParentCode, ct);
        if (!parent.IsSuccess)
            return parent.Error!;
        var code = Organization.NormalizeCode(spec.New.Code);
        if (await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Code == code, ct))
            return OrganizationErrors.CodeTaken(code);
        // Checked now (kind under parent, date, name, code); established for real when the plan is applied.
        var draft = Organization.Establish(spec.New.Code, spec.New.Name, spec.New.Kind, parent.Value!, on, decision, null, currentUser.UserName);
        if (!draft.IsSuccess)
            return draft.Error!;
        return new Target(draft.Value!, true, parent.Value!, OrganizationQueries.PathOf(parent.Value!, db));
    }

    /// <summary>Members registered in these organizations who move with them: candidates and current members.</summary>
    private Task<List<Member>> MovingMembersAsync(IEnumerable<long> organizationIds, CancellationToken ct)
    {
        var ids = organizationIds.ToArray();
        return db.Members.AsNoTracking()
            .Where(m => ids.Contains(m.OrganizationId) && (m.Status == MemberStatus.Candidate
                || m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official))
            .OrderBy(m => m.GivenName).ThenBy(m => m.FamilyName).ThenBy(m => m.Id)
            .ToListAsync(ct);
    }

    private Task<List<Organization>> ActiveChildrenAsync(IEnumerable<long> parentIds, CancellationToken ct)
    {
        var ids = parentIds.ToArray();
        return db.Organizations.Include(o => o.Events)
            .Where(o => o.ParentId != null && ids.Contains(o.ParentId.Value) && o.DissolvedOn == null)
            .OrderBy(o => o.Name).ToListAsync(ct);
    }

    private long[] Lineage(Organization o) => OrganizationQueries.LineageIds(OrganizationQueries.PathOf(o, db));

    private static long[] Lineage(LTree path) => OrganizationQueries.LineageIds(path);
}
