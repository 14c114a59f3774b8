using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Web.Data.Seed;

namespace OrgCom.Web.Data;

public static class DatabaseSetup
{
    /// <summary>Applies pending migrations and loads the reference data every installation needs.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<OrgComDbContext>();
        // A migration may rebuild an index or fill a table over millions of members (MemberNameSyllables: about two
        // minutes at 5.6 million): no request-sized timeout here.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        await db.Database.MigrateAsync(ct);
        db.Database.SetCommandTimeout(timeout);
        // The migration may have just created the ltree extension; let Npgsql learn its type.
        if (db.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            await db.Database.OpenConnectionAsync(ct);
            await connection.ReloadTypesAsync(ct);
            await db.Database.CloseConnectionAsync();
        }
        await ReferenceData.EnsureAdministrativeUnitsAsync(db, ct);
        await Infrastructure.Rules.RuleBookProvider.EnsureReferenceAsync(db, ct);
    }
}
