using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Core.Access;
using OrgCom.Web.Data;
using OrgCom.Web.Data.Generate;
using OrgCom.Web.Data.Seed;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Infrastructure;

/// <summary>The verbs of the one executable. With no verb (or only options) it serves the web application.</summary>
public static class Cli
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
            return await ServeAsync(args);

        var root = new RootCommand("OrgCom — hệ thống thông tin công tác tổ chức xây dựng Đảng");

        var serve = new Command("serve", "Chạy ứng dụng web (mặc định).") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction((result, _) => ServeAsync(result.UnmatchedTokens.ToArray()));
        root.Subcommands.Add(serve);

        var migrate = new Command("migrate", "Cập nhật cấu trúc cơ sở dữ liệu và nạp danh mục đơn vị hành chính.");
        migrate.SetAction((_, ct) => WithAppAsync("migrate", async (services, _) =>
        {
            await DatabaseSetup.MigrateAsync(services, ct);
            Console.WriteLine("[orgcom] Cơ sở dữ liệu đã được cập nhật.");
            return 0;
        }));
        root.Subcommands.Add(migrate);

        var seedDemo = new Command("seed-demo", "Nạp dữ liệu mẫu nếu cơ sở dữ liệu còn trống.");
        seedDemo.SetAction((_, ct) => WithAppAsync("seed-demo", async (services, _) =>
        {
            var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(services);
            var seeded = await seeder.SeedIfEmptyAsync(ct);
            Console.WriteLine(seeded
                ? "[orgcom] Đã nạp dữ liệu mẫu."
                : "[orgcom] Cơ sở dữ liệu đã có dữ liệu; không nạp lại dữ liệu mẫu.");
            if (await services.GetRequiredService<OrgComDbContext>().Users.AnyAsync(u => u.IsDemo && u.IsActive, ct))
                DemoSeeder.PrintLogins(Console.Out);
            return 0;
        }));
        root.Subcommands.Add(seedDemo);

        var memberCount = new Option<int>("--members")
        {
            Description = "Số đảng viên sinh thêm (mặc định 5.600.000)", DefaultValueFactory = _ => 5_600_000,
        };
        var organizationCount = new Option<int>("--organizations")
        {
            Description = "Số tổ chức đảng sinh thêm (mặc định 300.000)", DefaultValueFactory = _ => 300_000,
        };
        var seed = new Option<int>("--seed") { Description = "Hạt giống ngẫu nhiên (mặc định 2026)", DefaultValueFactory = _ => 2026 };
        var assessmentYear = new Option<int?>("--assessment-year")
        {
            Description = "Sinh thêm kết quả xếp loại chất lượng của năm này cho toàn bộ dữ liệu (đợt đánh giá hằng năm đã phê duyệt)",
        };
        var generate = new Command("generate",
            "Sinh dữ liệu toàn quốc (tổ chức cơ sở, chi bộ, đảng viên) trên cơ sở dữ liệu đã có dữ liệu mẫu, để đo tải.")
        {
            memberCount, organizationCount, seed, assessmentYear,
        };
        generate.SetAction((result, ct) => WithAppAsync("generate", async (services, configuration) =>
        {
            var generator = new NationalGenerator(configuration.GetConnectionString("Default")!,
                services.GetRequiredService<TimeProvider>(), Console.Out);
            var outcome = await generator.RunAsync(new GenerationOptions(
                result.GetValue(memberCount), result.GetValue(organizationCount), result.GetValue(seed)), ct);
            if (!outcome.IsSuccess)
            {
                Console.Error.WriteLine($"[orgcom] {outcome.Error!.Message}");
                return 1;
            }
            return result.GetValue(assessmentYear) is { } year
                ? await GenerateAssessmentsAsync(configuration, year, result.GetValue(seed), ct)
                : 0;
        }));
        root.Subcommands.Add(generate);

        var perCommune = new Option<int>("--members-per-commune")
        {
            Description = "Số đảng viên tổng hợp ở mỗi xã cũ (mặc định 3)", DefaultValueFactory = _ => 3,
        };
        var replaySeed = new Option<int>("--seed") { Description = "Hạt giống ngẫu nhiên (mặc định 2025)", DefaultValueFactory = _ => 2025 };
        var replay = new Command("replay-2025",
            "Dựng cây tổ chức trước 01/07/2025 (63 tỉnh, 696 huyện, các xã) với đảng viên tổng hợp trên cơ sở dữ liệu trống, rồi áp dụng sắp xếp năm 2025.")
        {
            perCommune, replaySeed,
        };
        replay.SetAction((result, ct) => WithAppAsync("replay-2025", async (_, configuration) =>
        {
            var members = result.GetValue(perCommune);
            if (members is < 0 or > 1000)
            {
                Console.Error.WriteLine("[orgcom] Số đảng viên mỗi xã (--members-per-commune) phải từ 0 đến 1.000.");
                return 2;
            }
            var outcome = await new Data.Replay.Replay2025(configuration.GetConnectionString("Default")!, Console.Out)
                .RunAsync(members, result.GetValue(replaySeed), ct);
            if (outcome.IsSuccess)
                return 0;
            Console.Error.WriteLine($"[orgcom] {outcome.Error!.Message}");
            return 1;
        }));
        root.Subcommands.Add(replay);
        var ratingYear = new Option<int>("--year") { Description = "Năm đánh giá", Required = true };
        var generateAssessments = new Command("generate-assessments",
            "Sinh kết quả xếp loại chất lượng của một năm cho toàn bộ tổ chức và đảng viên đang có (dữ liệu đo tải).")
        {
            ratingYear, seed,
        };
        generateAssessments.SetAction((result, ct) => WithAppAsync("generate-assessments", (services, configuration) =>
            GenerateAssessmentsAsync(configuration, result.GetValue(ratingYear), result.GetValue(seed), ct)));
        root.Subcommands.Add(generateAssessments);

        var userName = new Option<string>("--user-name") { Description = "Tên đăng nhập", Required = true };
        var fullName = new Option<string>("--full-name") { Description = "Họ và tên", Required = true };
        var password = new Option<string?>("--password")
        {
            Description = "Mật khẩu (nếu bỏ trống: đọc từ biến môi trường ORGCOM_NEW_PASSWORD)",
        };
        var organizationCode = new Option<string>("--organization-code")
        {
            Description = "Mã tổ chức được cấp quyền (mặc định: TW, toàn hệ thống)",
            DefaultValueFactory = _ => "TW",
        };
        var role = new Option<Role>("--role")
        {
            Description = "Vai trò (mặc định: SystemAdministrator)",
            DefaultValueFactory = _ => Role.SystemAdministrator,
        };
        var createUser = new Command("create-user", "Tạo tài khoản (ví dụ quản trị viên đầu tiên).")
        {
            userName, fullName, password, organizationCode, role,
        };
        createUser.SetAction((result, ct) => WithAppAsync("create-user", async (services, _) =>
        {
            var pw = result.GetValue(password) ?? Environment.GetEnvironmentVariable("ORGCOM_NEW_PASSWORD");
            if (string.IsNullOrEmpty(pw))
            {
                Console.Error.WriteLine("[orgcom] Chưa có mật khẩu: dùng --password hoặc biến môi trường ORGCOM_NEW_PASSWORD.");
                return 2;
            }
            var accounts = ActivatorUtilities.CreateInstance<AccountService>(services);
            var outcome = await accounts.CreateAsync(
                result.GetValue(userName)!, result.GetValue(fullName)!, pw,
                result.GetValue(organizationCode)!, result.GetValue(role), isDemo: false, ct);
            if (!outcome.IsSuccess)
            {
                Console.Error.WriteLine($"[orgcom] {outcome.Error!.Message}");
                return 1;
            }
            Console.WriteLine($"[orgcom] Đã tạo tài khoản {result.GetValue(userName)}.");
            return 0;
        }));
        root.Subcommands.Add(createUser);

        var seal = new Option<bool>("--seal") { Description = "Niêm phong các dòng đang chờ trước khi kiểm tra" };
        var verifyAudit = new Command("verify-audit", "Kiểm tra chuỗi băm của nhật ký; báo dòng hỏng đầu tiên.") { seal };
        verifyAudit.SetAction((result, ct) => WithAppAsync("verify-audit", async (services, configuration) =>
        {
            if (result.GetValue(seal))
                await services.GetRequiredService<AuditSealer>().SealPendingAsync(ct);
            await using var connection = new NpgsqlConnection(configuration.GetConnectionString("Default"));
            await connection.OpenAsync(ct);
            var v = await AuditVerifier.VerifyAsync(connection, ct);
            Console.WriteLine($"[orgcom] Đã kiểm tra {v.Checked:N0} dòng đã niêm phong.");
            if (v.Unsealed > 0)
                Console.WriteLine($"[orgcom] {v.Unsealed:N0} dòng chưa niêm phong (cũ nhất lúc {VietnamTime.Format(v.OldestUnsealedAt!.Value, seconds: true)}).");
            if (v.IsIntact)
            {
                Console.WriteLine("[orgcom] Nhật ký toàn vẹn.");
                return 0;
            }
            Console.WriteLine($"[orgcom] HỎNG tại dòng id={v.FirstBrokenId} (số thứ tự niêm phong {v.FirstBrokenSeq}): {v.Problem}.");
            return 3;
        }));
        root.Subcommands.Add(verifyAudit);

        return await root.Parse(args).InvokeAsync();
    }

    private static async Task<int> ServeAsync(string[] args)
    {
        var app = AppHost.Build(args);
        await DemoAccountGuard.EnsureAllowedAsync(app);
        await app.RunAsync();
        return 0;
    }

    /// <summary>Runs a verb inside the application's services, acting as the system.</summary>
    private static async Task<int> WithAppAsync(
        string actor, Func<IServiceProvider, IConfiguration, Task<int>> action)
    {
        await using var app = AppHost.Build([]);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem($"(hệ thống: {actor})");
        return await action(scope.ServiceProvider, app.Configuration);
    }

    private static async Task<int> GenerateAssessmentsAsync(IConfiguration configuration, int year, int seed, CancellationToken ct)
    {
        var outcome = await new AssessmentGenerator(configuration.GetConnectionString("Default")!, Console.Out).RunAsync(year, seed, ct);
        if (outcome.IsSuccess)
            return 0;
        Console.Error.WriteLine($"[orgcom] {outcome.Error!.Message}");
        return 1;
    }
}
