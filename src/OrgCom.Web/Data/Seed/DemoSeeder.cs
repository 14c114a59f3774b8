using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Cadres;
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
        await SeedCadresAsync(today, ct);

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

    /// <summary>
    /// Positions of Hà Nội, phường Ba Đình and Hồ Chí Minh City, held by members of the detailed communes (chosen by
    /// birth year, so some retire or reach the end of their term soon), and an approved planning batch of Hà Nội.
    /// A random generator of its own leaves the members above exactly as they were.
    /// </summary>
    private async Task SeedCadresAsync(DateOnly today, CancellationToken ct)
    {
        const string standard = "Quy định 214-QĐ/TW ngày 02/01/2020 (khung tiêu chuẩn chức danh)";
        var random = new Random(2027);
        var codes = new[] { "T01", "X00004", "T79", "X26740" };
        var org = await db.Organizations.Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        Position P(string code, string name, PositionLevel level, BodyKind kind, string? body, bool committee, PoliticalTheoryLevel? theory,
            PositionRank rank)
        {
            var p = Position.Create(org[code], name, level, kind, body, committee, theory, theory is null ? null : standard, rank).Value!;
            db.Positions.Add(p);
            return p;
        }
        var hnSecretary = P("T01", "Bí thư Thành ủy", PositionLevel.Provincial, BodyKind.Party, null, true, PoliticalTheoryLevel.Advanced, PositionRank.Head);
        var hnDeputy = P("T01", "Phó Bí thư Thường trực Thành ủy", PositionLevel.Provincial, BodyKind.Party, null, true, PoliticalTheoryLevel.Advanced, PositionRank.Deputy);
        P("T01", "Ủy viên Ban Thường vụ Thành ủy", PositionLevel.Provincial, BodyKind.Party, null, true, PoliticalTheoryLevel.Advanced, PositionRank.StandingCommitteeMember);
        var hnChair = P("T01", "Chủ tịch", PositionLevel.Provincial, BodyKind.State, "Ủy ban nhân dân thành phố Hà Nội", false, PoliticalTheoryLevel.Advanced, PositionRank.Deputy);
        var hnHomeAffairs = P("T01", "Giám đốc", PositionLevel.ProvincialDepartment, BodyKind.State, "Sở Nội vụ thành phố Hà Nội", false, PoliticalTheoryLevel.Advanced, PositionRank.Head);
        var hnOrganization = P("T01", "Trưởng Ban Tổ chức Thành ủy", PositionLevel.ProvincialDepartment, BodyKind.Party, null, false, PoliticalTheoryLevel.Advanced, PositionRank.Head);
        var hnDeputyHomeAffairs = P("T01", "Phó Giám đốc", PositionLevel.ProvincialDepartment, BodyKind.State, "Sở Nội vụ thành phố Hà Nội", false, null, PositionRank.Deputy);
        var bdSecretary = P("X00004", "Bí thư Đảng ủy phường", PositionLevel.Commune, BodyKind.Party, null, true, PoliticalTheoryLevel.Intermediate, PositionRank.Head);
        var bdChair = P("X00004", "Chủ tịch", PositionLevel.Commune, BodyKind.State, "Ủy ban nhân dân phường Ba Đình", false, PoliticalTheoryLevel.Intermediate, PositionRank.Deputy);
        var bdViceChair = P("X00004", "Phó Chủ tịch", PositionLevel.Commune, BodyKind.State, "Ủy ban nhân dân phường Ba Đình", false, null, PositionRank.StandingCommitteeMember);
        var bdFront = P("X00004", "Chủ tịch", PositionLevel.Commune, BodyKind.MassOrganization, "Ủy ban Mặt trận Tổ quốc phường Ba Đình", false, null, PositionRank.StandingCommitteeMember);
        var hcmSecretary = P("T79", "Bí thư Thành ủy", PositionLevel.Provincial, BodyKind.Party, null, true, PoliticalTheoryLevel.Advanced, PositionRank.Head);
        var hcmHomeAffairs = P("T79", "Giám đốc", PositionLevel.ProvincialDepartment, BodyKind.State, "Sở Nội vụ Thành phố Hồ Chí Minh", false, PoliticalTheoryLevel.Advanced, PositionRank.Head);
        await db.SaveChangesAsync(ct);

        async Task<Member> Pick(string communeCode, Gender gender, int bornFrom, int bornTo, int skip)
        {
            var prefix = communeCode + ".";
            return await db.Members.AsNoTracking()
                .Where(m => m.Gender == gender && m.BirthDate >= new DateOnly(bornFrom, 1, 1) && m.BirthDate <= new DateOnly(bornTo, 12, 31)
                    && db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith(prefix)))
                .OrderBy(m => m.Id).Skip(skip).FirstAsync(ct);
        }
        var rules = Core.Rules.RuleBookJson.Parse(File.ReadAllText(ReferenceData.PathOf("rules.json")));
        var held = new List<(Member Member, Position Position)>();
        var posts = new List<Appointment>();
        void Appoint(Member member, Position position, int monthsAgo, bool concurrent = false)
        {
            var start = today.AddMonths(-monthsAgo).AddDays(-random.Next(0, 20));
            var termEnd = Reappointment.TermEnd(start, rules);
            var kind = position.IsCommitteeSeat ? AppointmentKind.Election : AppointmentKind.Appointment;
            var created = Appointment.Create(member, position, kind, $"{random.Next(10, 900)}-QĐ/TU", start, start, termEnd,
                concurrent, false, [], today);
            if (!created.IsSuccess)
                throw new InvalidOperationException(created.Error!.Message);
            db.Appointments.Add(created.Value!);
            held.Add((member, position));
            posts.Add(created.Value!);
        }
        // Near retirement (men born 1964–1965, women 1969–1970) and terms ending within the year (started ~4 years ago).
        Appoint(await Pick("X00004", Gender.Male, 1964, 1965, 0), hnSecretary, 15);
        Appoint(await Pick("X00004", Gender.Male, 1966, 1970, 0), hnDeputy, 15);
        Appoint(await Pick("X00004", Gender.Male, 1970, 1976, 0), hnChair, 52);
        Appoint(await Pick("X00004", Gender.Female, 1969, 1970, 0), hnHomeAffairs, 50);
        Appoint(await Pick("X00004", Gender.Male, 1975, 1980, 0), hnOrganization, 40);
        Appoint(await Pick("X00004", Gender.Female, 1980, 1986, 0), hnDeputyHomeAffairs, 56);
        Appoint(await Pick("X00004", Gender.Male, 1964, 1965, 1), bdSecretary, 16);
        Appoint(await Pick("X00004", Gender.Female, 1975, 1982, 0), bdChair, 57);
        Appoint(await Pick("X00004", Gender.Male, 1982, 1988, 0), bdViceChair, 30);
        Appoint(await Pick("X00004", Gender.Female, 1968, 1969, 0), bdFront, 54);
        Appoint(await Pick("X26740", Gender.Male, 1964, 1966, 0), hcmSecretary, 15);
        Appoint(await Pick("X26740", Gender.Female, 1970, 1972, 0), hcmHomeAffairs, 52);
        await db.SaveChangesAsync(ct);
        await SeedRotationsAsync(held, posts, today, ct);
        await SeedHeadsHometownsAsync(held, today, ct);

        var batch = PlanningBatch.Create(org["T01"], 2026, 2031, "Quy hoạch Ban Chấp hành, Ban Thường vụ Thành ủy Hà Nội nhiệm kỳ 2026–2031").Value!;
        PlanningContext Context(Member member) => new([], [], false, held.Where(h => h.Member.Id == member.Id)
            .Select(h => new HeldStanding(h.Position.Title, h.Position.Level, h.Position.Rank, false, false)).ToList());
        // Each planned for a higher post than the one held (Quy định 377-QĐ/TW): the city's Chủ tịch (a deputy's standing)
        // and the head of its organization commission for Bí thư, a department's deputy for Phó Bí thư, a ward's Phó Chủ tịch
        // for a department head.
        foreach (var (member, position) in new[] { (held[2].Member, hnSecretary), (held[4].Member, hnSecretary), (held[5].Member, hnDeputy), (held[8].Member, hnHomeAffairs) })
        {
            var added = batch.Propose(member.Id, member.FullName, member.Status, position, Context(member), rules, today, null);
            if (!added.IsSuccess)
                throw new InvalidOperationException(added.Error!.Message);
        }
        // Approved before the first save: the demo batch is inserted as it stands, without update lines in the audit.
        if (!batch.Appraise(today.AddDays(-20), "Đủ điều kiện, tiêu chuẩn", today).IsSuccess
            || !batch.Approve("1250-QĐ/TU", today.AddDays(-10), today).IsSuccess)
            throw new InvalidOperationException("planning demo");
        db.PlanningBatches.Add(batch);

        // Personnel submissions from the ward to the city: a nomination decided, and an appointment waiting for the
        // city's leaders (the counts page reads them as "lượt cán bộ đã trình").
        var nomination = PersonnelSubmission.Create(org["X00004"], org["T01"], true, SubmissionKind.Nomination, bdChair, false,
            "Tờ trình giới thiệu nhân sự ứng cử Chủ tịch Ủy ban nhân dân phường Ba Đình", "xa.badinh", today.AddDays(-40)).Value!;
        var waiting = PersonnelSubmission.Create(org["X00004"], org["T01"], true, SubmissionKind.Appointment, bdViceChair, true,
            "Tờ trình bổ nhiệm Phó Chủ tịch Ủy ban nhân dân phường Ba Đình (kiêm nhiệm)", "xa.badinh", today.AddDays(-12)).Value!;
        foreach (var (submission, cadres) in new[] { (nomination, new[] { held[7].Member, held[9].Member }), (waiting, new[] { held[4].Member }) })
        {
            var required = PersonnelSubmission.RequiredDocuments(submission.Kind, rules, today).Documents;
            foreach (var member in cadres)
            {
                submission.AddCadre(member.Id, member.FullName, member.Status);
                foreach (var document in required)
                    submission.Tick(member.Id, document, true, "xa.badinh", new DateTimeOffset(today.AddDays(-15).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)).ToUniversalTime());
            }
        }
        var documentsRule = PersonnelSubmission.RequiredDocuments(SubmissionKind.Nomination, rules, today).Rule.Citation;
        if (!nomination.Appraise(today.AddDays(-35), "Đủ điều kiện, tiêu chuẩn", today).IsSuccess
            || !nomination.Submit(today.AddDays(-30), PersonnelSubmission.RequiredDocuments(SubmissionKind.Nomination, rules, today).Documents, documentsRule, "xa.badinh", today).IsSuccess
            || !nomination.Decide(true, "1310-QĐ/TU", today.AddDays(-20), null, [], null, "lanhdao.hanoi", today).IsSuccess
            || !waiting.Appraise(today.AddDays(-8), "Đủ điều kiện, tiêu chuẩn", today).IsSuccess
            || !waiting.Submit(today.AddDays(-5), PersonnelSubmission.RequiredDocuments(SubmissionKind.Appointment, rules, today).Documents,
                documentsRule, "xa.badinh", today).IsSuccess)
            throw new InvalidOperationException("submission demo");
        db.PersonnelSubmissions.AddRange(nomination, waiting);
        await SaveAsync(ct);
        // The approved nomination recorded its two candidates, their election results pending.
        db.Nominations.AddRange(Nomination.ForApproved(nomination, bdChair).Value!);
        await SaveAsync(ct);
    }

    /// <summary>
    /// Rotations (Quy định 65-QĐ/TW): a Hà Nội department deputy sent down to phường Ngọc Hà, the head of the city's
    /// organization commission sent up to Hồ Chí Minh City (ending within months — the receiving city sees him), and a
    /// finished sideways rotation of phường Ba Đình's Front chairwoman, shorter than the usual period.
    /// </summary>
    private async Task SeedRotationsAsync(List<(Member Member, Position Position)> held, List<Appointment> posts, DateOnly today,
        CancellationToken ct)
    {
        var codes = new[] { "X00008", "X00025", "T79" };
        var org = await db.Organizations.Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        Rotation Rotate(int index, string toCode, string toPosition, PositionLevel? toLevel, RotationDirection? direction, int monthsAgo,
            int months, string decision, string purpose)
        {
            var post = posts[index];
            var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-monthsAgo);
            var created = Rotation.Create(held[index].Member, new RotationOrigin(post.Id, post.OrganizationId, post.PositionName, post.Level),
                org[toCode], toPosition, toLevel, direction, decision, start.AddDays(-20), start, start.AddMonths(months).AddDays(-1), purpose,
                [], today);
            if (!created.IsSuccess)
                throw new InvalidOperationException(created.Error!.Message);
            db.Rotations.Add(created.Value!);
            return created.Value!;
        }
        Rotate(5, "X00008", "Bí thư Đảng ủy phường Ngọc Hà", PositionLevel.Commune, null, 8, 36, "312-QĐ/TU",
            "Đào tạo, rèn luyện thực tiễn ở cơ sở");
        Rotate(4, "T79", "Phó Bí thư Thành ủy Thành phố Hồ Chí Minh", PositionLevel.Provincial, null, 32, 36, "1520-QĐ/TW",
            "Tăng cường cán bộ, rèn luyện qua thực tiễn ở địa phương khác");
        var finished = Rotate(9, "X00025", "Chủ tịch Ủy ban Mặt trận Tổ quốc phường", null, RotationDirection.Sideways, 40, 24, "88-QĐ/TU",
            "Tăng cường cán bộ cho phường mới thành lập");
        if (!finished.Return(finished.PlannedEndOn, "Trở về phường Ba Đình, giữ chức vụ cũ", today).IsSuccess)
            throw new InvalidOperationException("rotation demo");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Home towns (and degrees, for the cadre report) of the three party secretaries, for the indicator "cán bộ đứng đầu không phải người địa phương":
    /// Hà Nội's city secretary from Nghệ An, phường Ba Đình's from Hà Nội, Hồ Chí Minh City's from the former Bình Định.</summary>
    private async Task SeedHeadsHometownsAsync(List<(Member Member, Position Position)> held, DateOnly today, CancellationToken ct)
    {
        foreach (var (index, hometown, professional) in new[]
        {
            (0, "Xã Nghi Lộc, Tỉnh Nghệ An", "Tiến sĩ Kinh tế"), (6, "Phường Ba Đình, Thành phố Hà Nội", "Thạc sĩ Quản lý công"),
            (10, "Xã Phù Cát, Tỉnh Bình Định", "Cử nhân Luật"),
        })
        {
            var m = await db.Members.SingleAsync(x => x.Id == held[index].Member.Id, ct);
            var updated = m.UpdateIdentity(new Identity(m.FullName, m.OtherNames, m.Gender, m.BirthDate, m.BirthYearOnly, m.CitizenId, hometown,
                m.Birthplace, m.Residence, m.Ethnicity, m.Religion, m.Occupation), today);
            if (!updated.IsSuccess)
                throw new InvalidOperationException(updated.Error!.Message);
            // The report counts education; the theory level is left as it was (the eligibility checks read it).
            m.UpdateEducation(new Education(m.GeneralEducation, professional, m.AcademicTitle, m.PoliticalTheory, m.ForeignLanguages, m.InformationTechnology));
        }
        await db.SaveChangesAsync(ct);
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
