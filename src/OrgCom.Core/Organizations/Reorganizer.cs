using OrgCom.Core.Common;

namespace OrgCom.Core.Organizations;

/// <summary>One organization taking part in a merge or split, with what is needed to check it.</summary>
/// <param name="Lineage">Ids from the root down to the organization itself.</param>
/// <param name="DirectMembers">Members registered directly in it (they move with it).</param>
public sealed record Participant(Organization Organization, IReadOnlyCollection<long> Lineage, int DirectMembers = 0)
{
    public bool IsInside(Organization ancestor) => Lineage.Contains(ancestor.Id);
}

/// <summary>
/// The rules of a merge or split as a whole (the per-organization rules are the guarded methods of
/// <see cref="Organization"/>): nothing merged into itself or its own descendant, nothing dissolved merged, no
/// effective date before any participant existed, members only into a chi bộ, and in a split every child organization
/// and member assigned to exactly one receiving organization.
/// </summary>
public static class Reorganizer
{
    /// <param name="target">The receiving organization. A new one is checked by <see cref="Organization.Establish"/>
    /// under its parent; pass its parent's lineage plus nothing for itself.</param>
    public static Result CheckMerge(IReadOnlyList<Participant> sources, Participant target, bool targetIsNew, DateOnly effectiveOn)
    {
        if (sources.Count == 0)
            return OrganizationErrors.MergeSourcesRequired;
        if (targetIsNew && sources.Count < 2)
            return OrganizationErrors.MergeNewTargetNeedsTwo;
        if (target.Organization.IsDissolved)
            return OrganizationErrors.TargetDissolved(target.Organization);
        if (!targetIsNew && effectiveOn < target.Organization.EstablishedOn)
            return OrganizationErrors.BeforeEstablishmentOf(target.Organization, effectiveOn);
        foreach (var source in sources)
        {
            var o = source.Organization;
            if (!targetIsNew && o.Id == target.Organization.Id)
                return OrganizationErrors.MergeIntoItself(o);
            if (o.IsDissolved)
                return OrganizationErrors.MergeDissolved(o);
            if (target.IsInside(o))
                return OrganizationErrors.MergeIntoDescendant(o, target.Organization);
            if (effectiveOn < o.EstablishedOn)
                return OrganizationErrors.BeforeEstablishmentOf(o, effectiveOn);
            if (o.ParentId is null)
                return OrganizationErrors.CannotDissolveRoot;
            if (sources.FirstOrDefault(other => other != source && source.IsInside(other.Organization)) is { } outer)
                return OrganizationErrors.SourceInsideSource(o, outer.Organization);
        }
        var members = sources.Sum(s => s.DirectMembers);
        if (members > 0 && !target.Organization.Kind.HoldsMembers())
            return OrganizationErrors.MembersNeedCell(target.Organization, members);
        return Result.Ok();
    }

    /// <param name="unassignedChildren">Active children of the source not given a receiving organization.</param>
    /// <param name="membersByTarget">How many members go to each target (same order as <paramref name="targets"/>).</param>
    public static Result CheckSplit(Participant source, IReadOnlyList<(Participant Target, bool IsNew)> targets,
        int unassignedChildren, int unassignedMembers, IReadOnlyList<int> membersByTarget, DateOnly effectiveOn)
    {
        var o = source.Organization;
        if (o.IsDissolved)
            return OrganizationErrors.AlreadyDissolved(o);
        if (o.ParentId is null)
            return OrganizationErrors.CannotDissolveRoot;
        if (effectiveOn < o.EstablishedOn)
            return OrganizationErrors.BeforeEstablishmentOf(o, effectiveOn);
        if (targets.Count < 2)
            return OrganizationErrors.SplitTargetsRequired;
        if (unassignedChildren > 0 || unassignedMembers > 0)
            return OrganizationErrors.SplitUnassigned(unassignedChildren, unassignedMembers);
        for (var i = 0; i < targets.Count; i++)
        {
            var (target, isNew) = targets[i];
            var t = target.Organization;
            if (!isNew && t.Id == o.Id)
                return OrganizationErrors.MergeIntoItself(o);
            if (t.IsDissolved)
                return OrganizationErrors.TargetDissolved(t);
            if (target.IsInside(o))
                return OrganizationErrors.SplitTargetInside(o, t);
            if (!isNew && effectiveOn < t.EstablishedOn)
                return OrganizationErrors.BeforeEstablishmentOf(t, effectiveOn);
            if (membersByTarget[i] > 0 && !t.Kind.HoldsMembers())
                return OrganizationErrors.MembersNeedCell(t, membersByTarget[i]);
        }
        return Result.Ok();
    }
}
