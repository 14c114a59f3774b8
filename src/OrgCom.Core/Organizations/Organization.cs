using OrgCom.Core.Common;
using OrgCom.Core.Text;

namespace OrgCom.Core.Organizations;

/// <summary>
/// A node of the party tree. Its changes are guarded transitions that record a dated <see cref="OrganizationEvent"/>
/// citing the decision behind them; codes are never reused, so an organization is dissolved, never deleted.
/// The materialized path of the tree is kept by the database, not here (see OrganizationConfiguration).
/// </summary>
public sealed class Organization
{
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 300;

    private readonly List<OrganizationEvent> _events = [];

    private Organization()
    {
        Code = "";
        Name = "";
    }

    public long Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public OrganizationKind Kind { get; private set; }
    public long? ParentId { get; private set; }
    public DateOnly EstablishedOn { get; private set; }
    public DateOnly? DissolvedOn { get; private set; }

    /// <summary>Code of the administrative unit (province or commune) the organization sits in, when it has one.</summary>
    public string? AdministrativeUnitCode { get; private set; }

    /// <summary>Number of the decision that established the organization, e.g. <c>123-QĐ/TU</c>.</summary>
    public string? EstablishingDecision { get; private set; }

    public IReadOnlyList<OrganizationEvent> Events => _events;

    public bool IsDissolved => DissolvedOn is not null;

    public bool IsActiveOn(DateOnly date) => EstablishedOn <= date && (DissolvedOn is null || date < DissolvedOn);

    public static Result<Organization> Establish(
        string code, string name, OrganizationKind kind, Organization? parent, DateOnly establishedOn,
        string? decisionNumber, string? administrativeUnitCode, string recordedBy, long? reorganizationId = null)
    {
        var cleanCode = NormalizeCode(code);
        if (cleanCode.Length == 0)
            return OrganizationErrors.CodeRequired;
        if (cleanCode.Length > MaxCodeLength || cleanCode.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
            return OrganizationErrors.CodeFormat(cleanCode);
        var cleanName = VietnameseText.Normalize(name);
        if (cleanName.Length == 0)
            return OrganizationErrors.NameRequired;
        if (cleanName.Length > MaxNameLength)
            return OrganizationErrors.NameTooLong;

        if (parent is null)
        {
            if (kind != OrganizationKind.Centre)
                return OrganizationErrors.ParentRequired;
        }
        else
        {
            if (parent.IsDissolved)
                return OrganizationErrors.ParentDissolved(parent);
            if (!kind.CanBeChildOf(parent.Kind))
                return OrganizationErrors.KindNotAllowedUnder(kind, parent.Kind);
            if (establishedOn < parent.EstablishedOn)
                return OrganizationErrors.EstablishedBeforeParent(parent);
        }

        var organization = new Organization
        {
            Code = cleanCode,
            Name = cleanName,
            Kind = kind,
            ParentId = parent?.Id,
            EstablishedOn = establishedOn,
            EstablishingDecision = NullIfBlank(decisionNumber),
            AdministrativeUnitCode = NullIfBlank(administrativeUnitCode),
        };
        organization._events.Add(new OrganizationEvent(
            OrganizationEventKind.Established, establishedOn, NullIfBlank(decisionNumber), recordedBy)
        {
            ToParentId = parent?.Id,
            ToName = cleanName,
            ReorganizationId = reorganizationId,
        });
        return organization;
    }

    public Result Rename(string newName, DateOnly effectiveOn, string decisionNumber, string recordedBy, long? reorganizationId = null)
    {
        var cleanName = VietnameseText.Normalize(newName);
        if (cleanName.Length == 0)
            return OrganizationErrors.NameRequired;
        if (cleanName.Length > MaxNameLength)
            return OrganizationErrors.NameTooLong;
        var check = CheckChangeable(effectiveOn, decisionNumber);
        if (!check.IsSuccess)
            return check;
        if (cleanName == Name)
            return OrganizationErrors.SameName;

        _events.Add(new OrganizationEvent(OrganizationEventKind.Renamed, effectiveOn, decisionNumber.Trim(), recordedBy)
        {
            FromName = Name,
            ToName = cleanName,
            ReorganizationId = reorganizationId,
        });
        Name = cleanName;
        return Result.Ok();
    }

    /// <summary>
    /// Moves the organization (with its whole subtree) under <paramref name="newParent"/>.
    /// <paramref name="newParentLineage"/> holds the ids from the root down to the new parent itself, so a move
    /// under one's own descendant is refused here rather than by the database.
    /// </summary>
    public Result MoveTo(
        Organization newParent, IReadOnlyCollection<long> newParentLineage, DateOnly effectiveOn,
        string decisionNumber, string recordedBy, long? reorganizationId = null)
    {
        var check = CheckChangeable(effectiveOn, decisionNumber);
        if (!check.IsSuccess)
            return check;
        if (newParent.Id == Id || newParentLineage.Contains(Id))
            return OrganizationErrors.Cycle(this, newParent);
        if (newParent.Id == ParentId)
            return OrganizationErrors.SameParent(newParent);
        if (newParent.IsDissolved)
            return OrganizationErrors.ParentDissolved(newParent);
        if (!Kind.CanBeChildOf(newParent.Kind))
            return OrganizationErrors.KindNotAllowedUnder(Kind, newParent.Kind);
        if (effectiveOn < newParent.EstablishedOn)
            return OrganizationErrors.EstablishedBeforeParent(newParent);

        _events.Add(new OrganizationEvent(OrganizationEventKind.Moved, effectiveOn, decisionNumber.Trim(), recordedBy)
        {
            FromParentId = ParentId,
            ToParentId = newParent.Id,
            ReorganizationId = reorganizationId,
        });
        ParentId = newParent.Id;
        return Result.Ok();
    }

    /// <summary>Dissolves the organization. The caller states how many active children and members it still has,
    /// because a dissolution that leaves them behind would leave members counted nowhere.</summary>
    public Result Dissolve(
        DateOnly effectiveOn, string decisionNumber, int activeChildren, int activeMembers, string recordedBy,
        long? reorganizationId = null)
    {
        var check = CheckChangeable(effectiveOn, decisionNumber);
        if (!check.IsSuccess)
            return check;
        if (ParentId is null)
            return OrganizationErrors.CannotDissolveRoot;
        if (activeChildren > 0 || activeMembers > 0)
            return OrganizationErrors.NotEmpty(activeChildren, activeMembers);

        _events.Add(new OrganizationEvent(OrganizationEventKind.Dissolved, effectiveOn, decisionNumber.Trim(), recordedBy)
        {
            FromParentId = ParentId,
            ReorganizationId = reorganizationId,
        });
        DissolvedOn = effectiveOn;
        return Result.Ok();
    }

    /// <summary>The latest effective date among the loaded events (null when none are loaded).</summary>
    public DateOnly? LastChangeOn => _events.Count == 0 ? null : _events.Max(e => e.EffectiveOn);

    /// <summary>Moves under <paramref name="newParent"/> because the old parent is merged or split. The caller has
    /// checked the parent is not inside this organization (see <see cref="Reorganizer"/>).</summary>
    public Result FollowTo(Organization newParent, DateOnly effectiveOn, string decisionNumber, long reorganizationId, string recordedBy)
    {
        var check = CheckChangeable(effectiveOn, decisionNumber);
        if (!check.IsSuccess)
            return check;
        if (newParent.IsDissolved)
            return OrganizationErrors.ParentDissolved(newParent);
        if (!Kind.CanBeChildOf(newParent.Kind))
            return OrganizationErrors.KindNotAllowedUnder(Kind, newParent.Kind);
        if (ParentId == newParent.Id)
            return Result.Ok();
        _events.Add(new OrganizationEvent(OrganizationEventKind.Moved, effectiveOn, decisionNumber.Trim(), recordedBy)
        {
            FromParentId = ParentId,
            ToParentId = newParent.Id,
            ReorganizationId = reorganizationId,
        });
        ParentId = newParent.Id;
        return Result.Ok();
    }

    /// <summary>
    /// Ends the organization in a merge (into <paramref name="successor"/>) or a split. Its children and members must
    /// have been moved first. A merged organization is kept under its successor in the current tree, so whoever may
    /// see the successor may read its predecessors' history; where it stood until then is in its events (and the
    /// as-of queries read it from there).
    /// </summary>
    public Result End(OrganizationEventKind kind, Organization? successor, DateOnly effectiveOn, string decisionNumber,
        long reorganizationId, string recordedBy)
    {
        if (kind is not (OrganizationEventKind.Merged or OrganizationEventKind.Split))
            throw new ArgumentOutOfRangeException(nameof(kind));
        var check = CheckChangeable(effectiveOn, decisionNumber);
        if (!check.IsSuccess)
            return check;
        if (ParentId is null)
            return OrganizationErrors.CannotDissolveRoot;
        _events.Add(new OrganizationEvent(kind, effectiveOn, decisionNumber.Trim(), recordedBy)
        {
            FromParentId = ParentId,
            OtherOrganizationId = successor?.Id,
            ReorganizationId = reorganizationId,
        });
        DissolvedOn = effectiveOn;
        if (successor is not null)
            ParentId = successor.Id;
        return Result.Ok();
    }

    /// <summary>Notes, on the receiving side, what a merge or split brought in from <paramref name="from"/>.</summary>
    public void RecordAbsorbed(Organization from, DateOnly effectiveOn, string decisionNumber, long reorganizationId, string recordedBy) =>
        _events.Add(new OrganizationEvent(OrganizationEventKind.Absorbed, effectiveOn, decisionNumber.Trim(), recordedBy)
        {
            OtherOrganizationId = from.Id,
            ToName = from.Name,
            ReorganizationId = reorganizationId,
        });

    /// <summary>Undoes the state change of one of this organization's events when its reorganization is reversed
    /// (the caller deletes the event itself). Only the latest changes are ever reverted: see ReorganizationService.</summary>
    public void Revert(OrganizationEvent e)
    {
        switch (e.Kind)
        {
            case OrganizationEventKind.Moved:
                ParentId = e.FromParentId;
                break;
            case OrganizationEventKind.Renamed:
                Name = e.FromName ?? Name;
                break;
            case OrganizationEventKind.Dissolved or OrganizationEventKind.Merged or OrganizationEventKind.Split:
                DissolvedOn = null;
                ParentId = e.FromParentId;
                break;
        }
    }

    private Result CheckChangeable(DateOnly effectiveOn, string decisionNumber)
    {
        if (IsDissolved)
            return OrganizationErrors.AlreadyDissolved(this);
        if (string.IsNullOrWhiteSpace(decisionNumber))
            return OrganizationErrors.DecisionRequired;
        if (effectiveOn < EstablishedOn)
            return OrganizationErrors.BeforeEstablishment(this);
        // History is recorded in date order for each organization, so that what a change reverses is always its latest.
        if (LastChangeOn is { } last && effectiveOn < last)
            return OrganizationErrors.BeforeLastChange(this, last);
        return Result.Ok();
    }

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
