using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Data.Seed;

/// <summary>
/// Demo data: the Centre, the 34 provincial and the central party committees, a committee for each of the 3,321
/// communes, and under a few communes grassroots organizations and chi bộ with synthetic members — enough for every
/// page to look real. Deterministic, so screenshots and tests see the same data.
/// </summary>
public sealed class DemoSeeder(OrgComDbContext db, AccountService accounts, ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "OrgCom@2026";
    private const string Actor = "(dữ liệu mẫu)";
    private static readonly DateOnly Reform2025 = new(2025, 7, 1);

    public static readonly (string UserName, string FullName, string OrganizationCode, Role Role, string Description)[] DemoUsers =
    [
        ("admin", "Quản trị hệ thống", "TW", Role.SystemAdministrator, "quản trị toàn hệ thống"),
        ("hanoi", "Nguyễn Thị Hà", "T01", Role.CommissionStaff, "cán bộ Ban Tổ chức Thành ủy Hà Nội"),
        ("lanhdao.hanoi", "Trần Văn Minh", "T01", Role.Leader, "lãnh đạo Ban Tổ chức Thành ủy Hà Nội"),
        ("xa.badinh", "Lê Văn Nam", "X00004", Role.CommissionStaff, "cán bộ Đảng ủy phường Ba Đình (Hà Nội)"),
        ("hcm", "Phạm Thị Lan", "T79", Role.CommissionStaff, "cán bộ Ban Tổ chức Thành ủy TP Hồ Chí Minh"),
    ];

    /// <summary>The communes that get grassroots organizations, cells and members.</summary>
    public static readonly string[] DetailedCommunes = ["00004", "00008", "00025", "26740", "26743", "14758"];

    public static readonly (string Code, string Name)[] CentralBodies =
    [
        ("QDTW", "Đảng bộ Quân đội"),
        ("CATW", "Đảng bộ Công an Trung ương"),
        ("CQDTW", "Đảng bộ các cơ quan Đảng Trung ương"),
        ("CPTW", "Đảng bộ Chính phủ"),
        ("QHTW", "Đảng bộ Quốc hội"),
        ("MTTW", "Đảng bộ Mặt trận Tổ quốc, các đoàn thể Trung ương"),
    ];

    public static void PrintLogins(TextWriter output)
    {
        output.WriteLine("[orgcom] Tài khoản demo (mật khẩu chung: " + DemoPassword + "):");
        foreach (var u in DemoUsers)
            output.WriteLine($"[orgcom]   {u.UserName,-14} {u.Description}");
    }

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Organizations.IgnoreQueryFilters().AnyAsync(ct))
            return false;
        // One transaction: an interrupted seed leaves an empty database, so the next run seeds again.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var random = new Random(2026);
        var names = NameGenerator.Load(random);

        var centre = Establish("TW", "Trung ương", OrganizationKind.Centre, null, new DateOnly(1930, 2, 3), null, null);
        await SaveAsync(ct);

        var provinces = new Dictionary<string, Organization>();
        foreach (var p in ReferenceData.ReadCsv("provinces-2025.csv"))
        {
            var kindWord = p["type"] == "Tỉnh" ? "tỉnh" : "thành phố";
            provinces[p["code"]] = Establish($"T{p["code"]}", $"Đảng bộ {kindWord} {p["name"]}",
                OrganizationKind.ProvincialCommittee, centre, Reform2025, "321-QĐ/TW", p["code"]);
        }
        foreach (var (code, name) in CentralBodies)
            Establish(code, name, OrganizationKind.CentralBodyCommittee, centre, new DateOnly(2025, 1, 24), "01-QĐ/TW", null);
        await SaveAsync(ct);

        var communes = new Dictionary<string, Organization>();
        foreach (var c in ReferenceData.ReadCsv("communes-2025.csv"))
        {
            communes[c["code"]] = Establish($"X{c["code"]}", $"Đảng bộ {c["type"].ToLowerInvariant()} {c["name"]}",
                OrganizationKind.CommuneCommittee, provinces[c["province_code"]], Reform2025,
                $"{100 + int.Parse(c["code"]) % 900}-QĐ/TU", c["code"]);
        }
        await SaveAsync(ct);

        var cells = new List<Organization>();
        foreach (var communeCode in DetailedCommunes)
        {
            var commune = communes[communeCode];
            var word = commune.Name.Contains("phường", StringComparison.Ordinal) ? "Tổ dân phố số" : "Thôn";
            for (var i = 1; i <= 6; i++)
                cells.Add(Establish($"{commune.Code}.CB{i:00}", $"Chi bộ {word} {i}", OrganizationKind.Cell, commune,
                    Reform2025.AddDays(10), $"{i}-QĐ/ĐU", null));
            cells.Add(Establish($"{commune.Code}.CBYT", "Chi bộ Trạm Y tế", OrganizationKind.GrassrootsCell, commune,
                Reform2025.AddDays(10), "7-QĐ/ĐU", null));
            var school = Establish($"{commune.Code}.DBTH", "Đảng bộ Trường Trung học phổ thông", OrganizationKind.GrassrootsCommittee,
                commune, Reform2025.AddDays(10), "8-QĐ/ĐU", null);
            await SaveAsync(ct);
            foreach (var (suffix, name) in new[] { ("GV1", "Chi bộ Giáo viên 1"), ("GV2", "Chi bộ Giáo viên 2"), ("HC", "Chi bộ Hành chính") })
                cells.Add(Establish($"{school.Code}.{suffix}", name, OrganizationKind.Cell, school, Reform2025.AddDays(20), "3-QĐ/ĐU", null));
        }
        await SaveAsync(ct);

        var today = VietnamTime.Today(TimeProvider.System);
        var memberCount = 0;
        foreach (var cell in cells)
        {
            var size = random.Next(18, 55);
            for (var i = 0; i < size; i++)
            {
                var (fullName, gender) = names.Next();
                var birth = new DateOnly(random.Next(1950, 2005), random.Next(1, 13), random.Next(1, 29));
                var admitted = birth.AddYears(18 + random.Next(0, 20)).AddDays(random.Next(0, 365));
                if (admitted > today)
                    admitted = today.AddDays(-random.Next(30, 300));
                var probationEnd = admitted.AddYears(1);
                var official = probationEnd <= today;
                var identity = new Identity(fullName, null, gender, birth, random.Next(40) == 0, null, null, null, null,
                    "Kinh", "Không", null);
                db.Members.Add(Member.Import(cell.Id, identity, official ? MemberStatus.Official : MemberStatus.Probationary,
                    admitted, admitted.AddDays(random.Next(5, 40)), official ? probationEnd : null, null, Actor));
                memberCount++;
            }
        }
        await SaveAsync(ct);

        foreach (var u in DemoUsers)
        {
            var created = await accounts.CreateAsync(u.UserName, u.FullName, DemoPassword, u.OrganizationCode, u.Role, isDemo: true, ct);
            if (!created.IsSuccess)
                throw new InvalidOperationException(created.Error!.Message);
        }
        await transaction.CommitAsync(ct);
        logger.LogInformation("Demo data: {Organizations} organizations, {Members} members",
            await db.Organizations.CountAsync(ct), memberCount);
        return true;
    }

    private Organization Establish(string code, string name, OrganizationKind kind, Organization? parent,
        DateOnly establishedOn, string? decision, string? adminUnit)
    {
        var result = Organization.Establish(code, name, kind, parent, establishedOn, decision, adminUnit, Actor);
        if (!result.IsSuccess)
            throw new InvalidOperationException($"{code}: {result.Error!.Message}");
        db.Organizations.Add(result.Value!);
        return result.Value!;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
            entry.State = EntityState.Detached;
    }
}
