namespace OrgCom.Web.Tests.Infrastructure;

/// <summary>A clock stopped at one instant, for tests whose "today" must not move with the real calendar.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
