using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Infrastructure.Rules;
using Col = OrgCom.Web.Infrastructure.Export.XlsxColumn<OrgCom.Web.Features.Cadres.ReportModel.LevelRow>;

namespace OrgCom.Web.Features.Cadres;

/// <summary>
/// The cadre report of the user's scope: cadres (members holding an active post, counted once at their highest post's
/// level) by age band, gender, ethnicity, education and theory level, party members and cadres outside the party (ADR 0014)
/// apart or together; planned cadres per position; retirements by year.
/// Tables and Chart.js charts, printable; Excel in the report layout (title, organization, date, grouped headers, totals).
/// </summary>
public sealed class ReportModel(OrgComDbContext db, CurrentUser currentUser, RuleBookProvider rules, TimeProvider clock) : PageModel
{
    public const int RetirementYears = 5;

    public sealed record LevelRow(string Name, int Total, int Women, int Minorities, int[] Ages, int[] Theory, int[] Education, int NonMembers = 0);

    /// <summary>Which cadres are counted: "" all, "member" party members only, "nonmember" cadres outside the party only.</summary>
    [BindProperty(SupportsGet = true)] public string? Party { get; set; }

    public const string PartyMembers = "member";
    public const string NonMembers = "nonmember";

    public string PartyText => Party switch
    {
        PartyMembers => "chỉ cán bộ là đảng viên",
        NonMembers => "chỉ cán bộ ngoài Đảng",
        _ => "đảng viên và ngoài Đảng",
    };

    public DateOnly Today { get; private set; }
    public string ScopeName { get; private set; } = "";
    public IReadOnlyList<string> AgeLabels { get; private set; } = [];
    public RuleCitation AgeRule { get; private set; } = null!;
    public List<LevelRow> Levels { get; private set; } = [];
    public LevelRow Total { get; private set; } = null!;
    public List<(string Position, string Organization, int Count)> Planned { get; private set; } = [];
    public List<(int Year, int Count)> Retirements { get; private set; } = [];

    /// <summary>Theory levels, highest first, as the columns show them.</summary>
    public static readonly PoliticalTheoryLevel[] TheoryColumns =
        [PoliticalTheoryLevel.Bachelor, PoliticalTheoryLevel.Advanced, PoliticalTheoryLevel.Intermediate, PoliticalTheoryLevel.Elementary, PoliticalTheoryLevel.None];

    public static readonly EducationBand[] EducationColumns = Enum.GetValues<EducationBand>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var columns = new List<Col>
        {
            Col.RowNumber(),
            Col.Text("Cấp chức vụ", r => r.Name, width: 34),
            Col.Integer("Tổng số", r => r.Total, width: 10, total: XlsxTotal.Sum),
            Col.Integer("Nữ", r => r.Women, width: 8, group: "Giới tính, dân tộc", total: XlsxTotal.Sum),
            Col.Integer("Dân tộc thiểu số", r => r.Minorities, width: 10, group: "Giới tính, dân tộc", total: XlsxTotal.Sum),
        };
        for (var i = 0; i < AgeLabels.Count; i++)
        {
            var band = i;
            columns.Add(Col.Integer(AgeLabels[i], r => r.Ages[band], width: 9, group: "Độ tuổi", total: XlsxTotal.Sum));
        }
        for (var i = 0; i < TheoryColumns.Length; i++)
        {
            var level = i;
            columns.Add(Col.Integer(CadreStatistics.TheoryName(TheoryColumns[i]), r => r.Theory[level], width: 10, group: "Lý luận chính trị", total: XlsxTotal.Sum));
        }
        for (var i = 0; i < EducationColumns.Length; i++)
        {
            var band = i;
            columns.Add(Col.Integer(CadreStatistics.DisplayName(EducationColumns[i]), r => r.Education[band], width: 9, group: "Chuyên môn", total: XlsxTotal.Sum));
        }
        columns.Add(Col.Integer("Ngoài Đảng", r => r.NonMembers, width: 10, total: XlsxTotal.Sum));
        var report = new XlsxReport<LevelRow>(columns)
        {
            SheetName = "Báo cáo cán bộ",
            TitleLines =
            [
                "BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ",
                $"Đơn vị: {ScopeName}",
                $"Cán bộ đang giữ chức vụ ({PartyText}), tính một lần theo chức vụ cao nhất · Nhóm tuổi: {AgeRule} · {XlsxReport<LevelRow>.ExportedOnLine(Today)}",
            ],
            TotalsRow = true,
            AutoFilter = false,
        };
        return XlsxResult.Create(report, Levels.ToAsyncEnumerable(), $"Báo cáo cán bộ {Today:dd-MM-yyyy}.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        var (book, _) = await rules.GetAsync(ct);
        var ages = book.Get(RuleKey.CadreReportAgeBands, Today);
        AgeRule = ages.Citation;
        var bounds = ages.AsIntList();
        AgeLabels = CadreStatistics.BandLabels(bounds);
        // The granted organizations are the last ids of the read paths.
        var granted = currentUser.ReadPaths.Select(p => long.Parse(p.ToString().Split('.')[^1])).ToArray();
        ScopeName = currentUser.IsUnrestricted ? "Toàn quốc" : string.Join("; ", await db.Organizations
            .Where(o => granted.Contains(o.Id)).OrderBy(o => o.Id).Select(o => o.Name).ToListAsync(ct));

        bool? partyMember = Party switch { PartyMembers => true, NonMembers => false, _ => null };
        if (partyMember is null)
            Party = null;
        var posts = await (from a in db.Appointments
                           where a.EndedOn == null
                           join m in db.CadrePeople on a.MemberId equals m.Id
                           where partyMember == null || m.IsPartyMember == partyMember
                           select new { m.Id, m.Gender, m.BirthDate, m.BirthYearOnly, m.Ethnicity, m.PoliticalTheory, m.Professional, a.Level, m.IsPartyMember })
            .ToListAsync(ct);
        var cadres = posts.GroupBy(p => p.Id).Select(g => g.OrderBy(p => p.Level).First())
            .Select(p => new CadreFacts(p.Id, p.Gender, p.BirthDate, p.BirthYearOnly, p.Ethnicity, p.PoliticalTheory, p.Professional, p.Level,
                p.IsPartyMember))
            .ToList();
        Levels = Enum.GetValues<PositionLevel>().Select(l => Row(l.DisplayName(), cadres.Where(c => c.Level == l).ToList(), bounds)).ToList();
        Total = Row("Tổng số", cadres, bounds);

        Planned = (await (from e in db.PlanningEntries
                          where e.Status != PlanningEntryStatus.Removed
                          join b in db.PlanningBatches on e.BatchId equals b.Id
                          where b.Status == PlanningStatus.Approved
                          join o in db.Organizations on e.OrganizationId equals o.Id
                          group e by new { e.PositionName, o.Name } into g
                          select new { g.Key.PositionName, g.Key.Name, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(x => x.Name).ThenBy(x => x.PositionName).Select(x => (x.PositionName, x.Name, x.Count)).ToList();

        var years = Enumerable.Range(Today.Year, RetirementYears).ToDictionary(y => y, _ => 0);
        foreach (var c in cadres)
        {
            if (OrgCom.Core.Cadres.Retirement.For(c.Gender, c.BirthDate, c.BirthYearOnly, book) is { IsSuccess: true } r
                && r.Value!.PensionFrom > Today && years.ContainsKey(r.Value.RetiresOn.Year))
                years[r.Value.RetiresOn.Year]++;
        }
        Retirements = years.Select(kv => (kv.Key, kv.Value)).ToList();
    }

    private LevelRow Row(string name, List<CadreFacts> cadres, IReadOnlyList<int> bounds)
    {
        var ages = new int[bounds.Count + 1];
        var theory = new int[TheoryColumns.Length];
        var education = new int[EducationColumns.Length];
        foreach (var c in cadres)
        {
            ages[CadreStatistics.BandOf(CadreStatistics.AgeOn(c.BirthDate, c.BirthYearOnly, Today), bounds)]++;
            theory[Array.IndexOf(TheoryColumns, c.PoliticalTheory) is var t and >= 0 ? t : TheoryColumns.Length - 1]++;
            education[Array.IndexOf(EducationColumns, CadreStatistics.EducationOf(c.Professional))]++;
        }
        return new LevelRow(name, cadres.Count, cadres.Count(c => c.Gender == Gender.Female),
            cadres.Count(c => CadreStatistics.IsEthnicMinority(c.Ethnicity)), ages, theory, education, cadres.Count(c => !c.IsPartyMember));
    }
}
