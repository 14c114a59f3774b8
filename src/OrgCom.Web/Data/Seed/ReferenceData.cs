using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Geography;
using OrgCom.Web.Infrastructure;

namespace OrgCom.Web.Data.Seed;

/// <summary>Reads the reference files shipped in Data/Reference (copied to the build output).</summary>
public static class ReferenceData
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Data", "Reference", file);

    public static IEnumerable<Dictionary<string, string>> ReadCsv(string file)
    {
        using var reader = new StreamReader(PathOf(file));
        foreach (var record in Csv.ReadRecords(reader))
            yield return record;
    }

    public static IEnumerable<AdministrativeUnit> AdministrativeUnits2025()
    {
        foreach (var p in ReadCsv("provinces-2025.csv"))
            yield return new AdministrativeUnit
            {
                Code = p["code"], Name = p["name"], FullName = p["full_name"], Type = p["type"],
                Level = AdministrativeLevel.Province, ValidFrom = new DateOnly(2025, 7, 1),
            };
        foreach (var c in ReadCsv("communes-2025.csv"))
            yield return new AdministrativeUnit
            {
                Code = c["code"], Name = c["name"], FullName = c["full_name"], Type = c["type"],
                Level = AdministrativeLevel.Commune, ProvinceCode = c["province_code"], ValidFrom = new DateOnly(2025, 7, 1),
            };
    }

    /// <summary>Adds the administrative units that are missing; existing rows are left as they are.</summary>
    public static async Task<int> EnsureAdministrativeUnitsAsync(OrgComDbContext db, CancellationToken ct)
    {
        var existing = (await db.AdministrativeUnits.Select(u => u.Code).ToListAsync(ct)).ToHashSet();
        var missing = AdministrativeUnits2025().Where(u => !existing.Contains(u.Code)).ToList();
        if (missing.Count == 0)
            return 0;
        db.AdministrativeUnits.AddRange(missing);
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }
}
