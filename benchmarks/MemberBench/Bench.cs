using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrgCom.Core.Text;
using OrgCom.Web.Data;
using OrgCom.Web.Features.Members;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.MemberBench;

/// <summary>
/// Times the member search at the database call: <see cref="MemberSearchQuery.PageAsync"/> (the one SQL statement
/// EF generates for a page, run and materialised) on the database in ConnectionStrings__Default, through the app's own
/// services and scope filter, as the root administrator and as a user scoped to Hà Nội. Each query runs in a fresh
/// DI scope, like a request. With --explain it prints EXPLAIN (ANALYZE, BUFFERS) of the slowest statements.
/// </summary>
public static class Bench
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static async Task<int> Main(string[] args)
    {
        var repeat = IntOption(args, "--repeat", 30);
        var explain = args.Contains("--explain");
        await using var app = AppHost.Build([]);
        var connectionString = app.Configuration.GetConnectionString("Default")!;
        var names = await NamesAsync(connectionString);
        Console.WriteLine($"[bench] {names.Count} tên để tìm: {string.Join(" | ", names.Take(6))} | … | {string.Join(" | ", names.TakeLast(4))}");

        var admin = await GrantsAsync(app.Services, "admin");
        var hanoi = await GrantsAsync(app.Services, "hanoi");
        var results = new List<(string Label, double[] Times)>();
        var slow = new List<(double Ms, string Label, string User, MemberSearchCriteria Criteria, SearchShape Shape)>();
        var shapes = new Dictionary<(string, SearchShape), int>();

        async Task NameSearches(string label, string user, IReadOnlyList<ScopeGrant>? grants, string? org)
        {
            var times = new List<double>();
            foreach (var name in names)
            {
                var criteria = new MemberSearchCriteria { Query = name, OrganizationCode = org };
                var (ms, shape) = await TimeAsync(app.Services, grants, criteria);
                times.Add(ms);
                slow.Add((ms, label, user, criteria, shape));
                shapes[(label, shape)] = shapes.GetValueOrDefault((label, shape)) + 1;
            }
            results.Add((label, times.ToArray()));
        }

        async Task Lists(string label, string user, IReadOnlyList<ScopeGrant>? grants, MemberSearchCriteria criteria)
        {
            var (_, shape) = await TimeAsync(app.Services, grants, criteria);
            var times = new List<double>();
            for (var i = 0; i < repeat; i++)
                times.Add((await TimeAsync(app.Services, grants, criteria)).Ms);
            results.Add((label + $" [{shape}]", times.ToArray()));
            slow.Add((times.Max(), label, user, criteria, shape));
        }

        // Warm-up: the first query of a process compiles EF's query and loads the indexes into the cache.
        foreach (var name in names.Take(20))
            await TimeAsync(app.Services, admin, new MemberSearchCriteria { Query = name });

        await NameSearches("tìm theo tên — admin, cả nước", "admin", admin, null);
        await NameSearches("tìm theo tên — hanoi (mặc định: tổ chức T01)", "hanoi", hanoi, "T01");
        await NameSearches("tìm theo tên — hanoi, không chọn tổ chức (chỉ bộ lọc phạm vi)", "hanoi", hanoi, null);
        await Lists("trang đầu DS Hà Nội (T01) — admin", "admin", admin, new MemberSearchCriteria { OrganizationCode = "T01" });
        await Lists("trang đầu DS TP HCM (T79) — admin", "admin", admin, new MemberSearchCriteria { OrganizationCode = "T79" });
        await Lists("trang đầu DS Lai Châu (T12) — admin", "admin", admin, new MemberSearchCriteria { OrganizationCode = "T12" });
        await Lists("trang đầu DS Hà Nội (T01) — hanoi", "hanoi", hanoi, new MemberSearchCriteria { OrganizationCode = "T01" });
        await Lists("trang đầu DS — hanoi, không chọn tổ chức", "hanoi", hanoi, new MemberSearchCriteria());
        await Lists("trang đầu DS cả nước — admin", "admin", admin, new MemberSearchCriteria());
        await Lists("trang 20 DS Hà Nội (T01) — hanoi", "hanoi", hanoi, new MemberSearchCriteria { OrganizationCode = "T01", Page = 20 });
        await Lists("DS Hà Nội, nữ, 31–45 tuổi — hanoi", "hanoi", hanoi, new MemberSearchCriteria
        {
            OrganizationCode = "T01", Gender = OrgCom.Core.Members.Gender.Female, Age = AgeBand.From31To45,
        });
        await Lists("DS Hà Nội theo ngày sinh — hanoi", "hanoi", hanoi, new MemberSearchCriteria { OrganizationCode = "T01", Sort = MemberSort.BirthDate });
        await Lists("một xã (X00004) — admin", "admin", admin, new MemberSearchCriteria { OrganizationCode = "X00004" });

        Console.WriteLine();
        Console.WriteLine($"{"truy vấn (thời gian PageAsync: SQL + đọc kết quả)",-68} {"n",5} {"p50",8} {"p95",8} {"p99",8} {"max",8}");
        foreach (var (label, times) in results)
        {
            var sorted = times.Order().ToArray();
            Console.WriteLine($"{label,-68} {sorted.Length,5} {Ms(P(sorted, 0.5)),8} {Ms(P(sorted, 0.95)),8} {Ms(P(sorted, 0.99)),8} {Ms(sorted[^1]),8}");
        }
        if (Array.IndexOf(args, "--dump") is var d and >= 0 && d + 1 < args.Length)
            await File.WriteAllLinesAsync(args[d + 1], slow.Select(x => $"{x.Ms:F1}\t{x.Shape}\t{x.Label}\t{x.Criteria.Query}\t{x.Criteria.OrganizationCode}"));
        Console.WriteLine();
        Console.WriteLine("Cách đọc đã chọn cho các lần tìm theo tên: " + string.Join("; ", shapes.OrderBy(x => x.Key.Item1)
            .Select(x => $"{x.Key.Item1} → {x.Key.Item2}: {x.Value}")));
        Console.WriteLine();
        Console.WriteLine("Chậm nhất:");
        foreach (var s in slow.OrderByDescending(s => s.Ms).Take(12))
            Console.WriteLine($"  {Ms(s.Ms),8} ms  [{s.Shape}] {s.Label}: \"{s.Criteria.Query}\" {s.Criteria.OrganizationCode}");

        if (explain)
        {
            foreach (var s in slow.OrderByDescending(s => s.Ms).Take(4)
                         .Concat(slow.Where(s => s.Criteria.Query is null).Take(3)))
            {
                Console.WriteLine();
                Console.WriteLine($"=== {s.Label} \"{s.Criteria.Query}\" {s.Criteria.OrganizationCode}");
                Console.WriteLine(await ExplainAsync(app.Services, s.User == "admin" ? admin : hanoi, s.Criteria));
            }
        }
        return 0;
    }

    private static async Task<(double Ms, SearchShape Shape)> TimeAsync(IServiceProvider services, IReadOnlyList<ScopeGrant>? grants, MemberSearchCriteria criteria)
    {
        await using var scope = services.CreateAsyncScope();
        Act(scope.ServiceProvider, grants);
        var query = scope.ServiceProvider.GetRequiredService<MemberSearchQuery>();
        var resolved = await query.ResolveAsync(criteria, CancellationToken.None);
        if (!resolved.IsSuccess)
            throw new InvalidOperationException(resolved.Error!.Message);
        var clock = Stopwatch.StartNew();
        var page = await query.PageAsync(resolved.Value!, CancellationToken.None);
        return (clock.Elapsed.TotalMilliseconds, page.Plan.Shape);
    }

    private static async Task<string> ExplainAsync(IServiceProvider services, IReadOnlyList<ScopeGrant>? grants, MemberSearchCriteria criteria)
    {
        await using var scope = services.CreateAsyncScope();
        Act(scope.ServiceProvider, grants);
        var query = scope.ServiceProvider.GetRequiredService<MemberSearchQuery>();
        var resolved = await query.ResolveAsync(criteria, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<OrgComDbContext>();
        var searchPlan = await query.PlanAsync(resolved.Value!, CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (searchPlan.Settings.Length > 0)
            await db.Database.ExecuteSqlRawAsync(searchPlan.Settings);
        await using var command = query.PageQuery(resolved.Value!, searchPlan).CreateDbCommand();
        command.Transaction = transaction.GetDbTransaction();
        var sql = command.CommandText;
        command.CommandText = "explain (analyze, buffers) " + sql;
        var plan = new StringBuilder($"cách đọc: {searchPlan.Shape} (từ tra chỉ mục: {string.Join(", ", searchPlan.IndexedWords)}; ước tính {searchPlan.EstimatedMicroseconds / 1000:N1} ms; {searchPlan.Settings})")
            .AppendLine().AppendLine(sql).AppendLine(string.Join(", ",
            command.Parameters.Cast<DbParameter>().Select(p => $"{p.ParameterName}={Show(p.Value)}"))).AppendLine();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                plan.AppendLine(reader.GetString(0));
        }
        await transaction.RollbackAsync();
        return plan.ToString();
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        Array a => "{" + string.Join(",", a.Cast<object>()) + "}",
        _ => value.ToString() ?? "",
    };

    private static void Act(IServiceProvider services, IReadOnlyList<ScopeGrant>? grants)
    {
        var user = services.GetRequiredService<CurrentUser>();
        if (grants is null)
            user.SetSystem("(bench)");
        else
            user.SetUser(Guid.NewGuid(), "bench", "127.0.0.1", grants);
    }

    /// <summary>A demo user's grants resolved to paths, as CurrentUserMiddleware resolves them for a request.</summary>
    private static async Task<IReadOnlyList<ScopeGrant>> GrantsAsync(IServiceProvider services, string userName)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("(bench)");
        var db = scope.ServiceProvider.GetRequiredService<OrgComDbContext>();
        return await db.UserGrants.IgnoreQueryFilters()
            .Where(g => db.Users.Any(u => u.Id == g.UserId && u.UserName == userName))
            .Join(db.Organizations.IgnoreQueryFilters(), g => g.OrganizationId, o => o.Id,
                (g, o) => new ScopeGrant(g.Role, o.Id, EF.Property<LTree>(o, OrgComDbContext.PathProperty)))
            .ToListAsync();
    }

    /// <summary>
    /// Over 200 varied queries: full names of sampled members with and without diacritics, "middle given" pairs
    /// ("van an"), family names alone (frequent and rare, with and without diacritics), word prefixes ("nguy", "hoang mi")
    /// and a few names nobody has.
    /// </summary>
    private static async Task<List<string>> NamesAsync(string connectionString)
    {
        var sampled = new List<string>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                "select full_name from members tablesample system (0.2) repeatable (2026) order by id limit 140", connection);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                sampled.Add(reader.GetString(0));
        }
        var names = new List<string>();
        names.AddRange(sampled.Take(70));
        names.AddRange(sampled.Skip(70).Take(70).Select(VietnameseText.Fold));
        names.AddRange(sampled.Take(40).Select(n => string.Join(' ', VietnameseText.Fold(n).Split(' ').Skip(1))));
        var families = OrgCom.Web.Data.Seed.ReferenceData.ReadCsv("family-names.csv").Select(r => r["family_name"]).ToList();
        names.AddRange(families.Take(20));
        names.AddRange(families.Skip(40).Take(10));
        names.AddRange(families.Skip(20).Take(10).Select(VietnameseText.Fold));
        names.AddRange(sampled.Skip(100).Take(20).Select(n =>
        {
            var parts = VietnameseText.Fold(n).Split(' ');
            return parts[0][..Math.Min(4, parts[0].Length)] + " " + parts[^1][..Math.Min(2, parts[^1].Length)];
        }));
        names.AddRange(["nguyen van xuyenx", "tran thi qwerty", "le van zzz", "pham khong co", "hoang minh vyz",
            "Đỗ Thị Không Tên", "vu van bbb", "dang quoc zzzz", "bui thi ykx", "ngo van aaa"]);
        return names;
    }

    private static double P(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Ms(double ms) => ms.ToString("N1", Vi);

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
