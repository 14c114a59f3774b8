using Microsoft.Extensions.Caching.Memory;

namespace OrgCom.Web.Infrastructure.Access;

/// <summary>
/// A user's account state and grants, resolved to paths, kept for a few seconds so a busy user's requests do not each
/// query them. Any save that touches an account or a grant evicts that user at once (OrgComDbContext); another
/// application instance sees the change within <see cref="Lifetime"/>.
/// </summary>
public sealed class UserScopeCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public sealed record Entry(string UserName, bool IsActive, IReadOnlyList<ScopeGrant> Grants);

    private static string Key(Guid userId) => $"orgcom:scope:{userId:N}";

    public bool TryGet(Guid userId, out Entry? entry) => cache.TryGetValue(Key(userId), out entry);

    public void Set(Guid userId, Entry entry) => cache.Set(Key(userId), entry, Lifetime);

    public void Invalidate(Guid userId) => cache.Remove(Key(userId));
}
