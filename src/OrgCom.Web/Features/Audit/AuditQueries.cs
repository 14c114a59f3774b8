using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Core.Access;
using OrgCom.Core.Common;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Audit;

/// <summary>One audit line as the pages show it.</summary>
public sealed record AuditLine(
    long Id, DateTimeOffset OccurredAt, Guid? UserId, string UserName, string? IpAddress, AuditAction Action,
    string EntityType, string EntityKey, long? OrganizationId, string? OrganizationName, string? Changes, string? Reason,
    long? SealSeq)
{
    public string HistoryUrl => HistoryUrlOf(EntityType, EntityKey);

    public static string HistoryUrlOf(string entityType, string entityKey) =>
        $"/Audit/History/{Uri.EscapeDataString(entityType)}/{Uri.EscapeDataString(entityKey)}";
}

/// <summary>The model of the lines table shared by the search and the history of a record.</summary>
public sealed record AuditLinesView(IReadOnlyList<AuditLine> Lines, bool Compact);

/// <summary>What the search narrows by; every part is optional. <see cref="Subtree"/> is an organization's path.</summary>
public sealed record AuditFilter(
    string? UserName, Guid? UserId, LTree? Subtree, AuditAction? Action, string? EntityType, DateTimeOffset? FromUtc, DateTimeOffset? ToUtc);

/// <summary>Where a page of the newest-first search ends: the next page starts strictly after this line.</summary>
public readonly record struct AuditCursor(DateTimeOffset OccurredAt, long Id)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{OccurredAt.UtcTicks}_{Id}");

    public static AuditCursor? Parse(string? text)
    {
        var parts = (text ?? "").Split('_');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks)
            return new AuditCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return null;
    }
}

public sealed record AuditSearchPage(List<AuditLine> Lines, AuditCursor? Next);

/// <summary>The chain as a whole (not limited to the reader's scope: it carries no content, only counts).</summary>
public sealed record AuditChainStatus(long Sealed, int Unsealed, DateTimeOffset? OldestUnsealedAt);

/// <summary>
/// The read side of the audit log. On top of the DbContext's read scope, lines are limited to the subtrees where the
/// user holds <see cref="Permission.Administer"/>: a user who administers Hà Nội but merely reads elsewhere sees Hà
/// Nội's lines only. Lines without an organization (accounts) belong to administrators of the root.
/// </summary>
public sealed class AuditQueries(OrgComDbContext db, CurrentUser currentUser)
{
    public const int PageSize = 50;

    private static readonly Dictionary<string, string> EntityLabels = new()
    {
        ["organizations"] = "Tổ chức đảng",
        ["organization_events"] = "Sự kiện của tổ chức",
        ["members"] = "Đảng viên",
        ["users"] = "Tài khoản",
        ["user_grants"] = "Phân quyền",
        ["user_claims"] = "Thuộc tính tài khoản",
        ["user_logins"] = "Đăng nhập ngoài",
        ["user_tokens"] = "Mã bảo mật tài khoản",
        ["administrative_units"] = "Đơn vị hành chính",
    };

    public static string EntityLabel(string entityType) =>
        EntityLabels.TryGetValue(entityType, out var label) ? label : entityType;

    public static bool IsRoot(LTree path) => !path.ToString().Contains('.');

    /// <summary>Administers the root: sees every line, including those of accounts, and may verify the chain.</summary>
    public bool AdministersRoot =>
        currentUser.IsSystem || currentUser.PathsWith(Permission.Administer).Any(IsRoot);

    /// <summary>The entity types the log can hold: the tables of the model.</summary>
    public List<string> EntityTypes() =>
        db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    private IQueryable<AuditEntry> Readable()
    {
        var lines = db.AuditEntries.AsNoTracking();
        if (AdministersRoot)
            return lines;
        var roots = currentUser.PathsWith(Permission.Administer).ToArray();
        return lines.Where(a => a.OrganizationId != null && db.Organizations.Any(o =>
            o.Id == a.OrganizationId && roots.Any(r => EF.Property<LTree>(o, OrgComDbContext.PathProperty).IsDescendantOf(r))));
    }

    /// <summary>The path of the organization with this code, if the user administers it.</summary>
    public async Task<Result<LTree>> SubtreeAsync(string code, CancellationToken ct)
    {
        var normalized = Organization.NormalizeCode(code);
        var path = await db.Organizations
            .Where(o => o.Code == normalized)
            .Select(o => (LTree?)EF.Property<LTree>(o, OrgComDbContext.PathProperty))
            .SingleOrDefaultAsync(ct);
        if (path is null || !(AdministersRoot || currentUser.Can(Permission.Administer, path.Value)))
            return new Error("audit.organization", $"Không tìm thấy tổ chức có mã \"{code.Trim()}\" trong phạm vi quản trị của bạn.");
        return path.Value;
    }

    public async Task<AuditSearchPage> SearchAsync(AuditFilter filter, AuditCursor? after, CancellationToken ct)
    {
        var lines = Readable();
        if (filter.UserId is { } userId)
            lines = lines.Where(a => a.UserId == userId);
        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            // An account's lines are found by its id (indexed, and unaffected by a later change of user name);
            // the system's own actors, e.g. "(hệ thống: migrate)", have no account and are matched by name.
            var name = filter.UserName.Trim();
            var normalized = name.ToUpperInvariant();
            var account = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
            lines = account is { } id ? lines.Where(a => a.UserId == id) : lines.Where(a => a.UserName == name);
        }
        if (filter.Subtree is { } root)
            lines = lines.Where(a => db.Organizations.Any(o =>
                o.Id == a.OrganizationId && EF.Property<LTree>(o, OrgComDbContext.PathProperty).IsDescendantOf(root)));
        if (filter.Action is { } action)
            lines = lines.Where(a => a.Action == action);
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
            lines = lines.Where(a => a.EntityType == filter.EntityType);
        if (filter.FromUtc is { } from)
            lines = lines.Where(a => a.OccurredAt >= from);
        if (filter.ToUtc is { } to)
            lines = lines.Where(a => a.OccurredAt < to);
        if (after is { } cursor)
            lines = lines.Where(a => a.OccurredAt < cursor.OccurredAt || (a.OccurredAt == cursor.OccurredAt && a.Id < cursor.Id));

        var page = await Project(lines.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).Take(PageSize + 1))
            .ToListAsync(ct);
        AuditCursor? next = null;
        if (page.Count > PageSize)
        {
            page.RemoveAt(PageSize);
            next = new AuditCursor(page[^1].OccurredAt, page[^1].Id);
        }
        return new AuditSearchPage(page, next);
    }

    /// <summary>Lines of one record the user may read, oldest first.</summary>
    public Task<List<AuditLine>> HistoryAsync(string entityType, string entityKey, int skip, int take, CancellationToken ct) =>
        Project(Readable()
                .Where(a => a.EntityType == entityType && a.EntityKey == entityKey)
                .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
                .Skip(skip).Take(take))
            .ToListAsync(ct);

    public async Task<AuditChainStatus> ChainStatusAsync(CancellationToken ct)
    {
        var all = db.AuditEntries.IgnoreQueryFilters();
        // Sealing numbers the chain 1..N, so the highest number counts the sealed lines without scanning them.
        var sealedCount = await all.MaxAsync(a => a.SealSeq, ct) ?? 0;
        var unsealed = all.Where(a => a.SealSeq == null);
        var count = await unsealed.CountAsync(ct);
        var oldest = await unsealed.MinAsync(a => (DateTimeOffset?)a.OccurredAt, ct);
        return new AuditChainStatus(sealedCount, count, oldest);
    }

    /// <summary>Recomputes the whole chain (see <see cref="AuditVerifier"/>); for administrators of the root.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        if (!AdministersRoot)
            throw new ScopeViolationException("Chỉ quản trị viên cấp gốc mới kiểm tra được toàn bộ nhật ký.");
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await AuditVerifier.VerifyAsync((NpgsqlConnection)db.Database.GetDbConnection(), ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private IQueryable<AuditLine> Project(IQueryable<AuditEntry> lines) =>
        lines.Select(a => new AuditLine(
            a.Id, a.OccurredAt, a.UserId, a.UserName, a.IpAddress, a.Action, a.EntityType, a.EntityKey, a.OrganizationId,
            db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.Name).FirstOrDefault(),
            a.Changes, a.Reason, a.SealSeq));
}
