using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Cadres;
using OrgCom.Core.Common;
using OrgCom.Core.Rules;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Cadres;

/// <summary>Cadres of the user's scope who retire within the next N months, by position, with the rule behind each date.</summary>
public sealed class RetirementModel(CadreQueries queries, RetirementDecisionQueries decisions, RuleBookProvider rules, TimeProvider clock, IConfiguration configuration) : PageModel
{
    /// <summary>The most posts read (of people born in the window, earliest first); <c>OrgCom:CadreListMaxRows</c>.</summary>
    public int MaxRows { get; } = configuration.GetValue("OrgCom:CadreListMaxRows", 5000);

    /// <summary>More posts matched than <see cref="MaxRows"/>: the page says so.</summary>
    public bool Truncated { get; private set; }

    /// <param name="Retirement">With a decided retirement (<see cref="RetirementDecision"/>) applied.</param>
    public sealed record Row(ActivePost Post, RetirementSchedule Retirement, RetirementDecision? Decision)
    {
        /// <summary>"Nghỉ hưu ở tuổi cao hơn theo quyết định số … ngày …; theo tuổi nghỉ hưu từ 01/06/2027" or "".</summary>
        public string Note => Decision is { } d
            ? $"{RetirementDecision.DisplayName(d.Kind)} {d.DecisionText}; theo tuổi nghỉ hưu từ {DateText.Format(d.ComputedPensionFrom)}"
            : "";
    }

    [BindProperty(SupportsGet = true)]
    public int Months { get; set; } = 12;

    public DateOnly Today { get; private set; }
    public DateOnly Until { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public List<(OrgCom.Core.Cadres.PositionLevel Level, int Count)> ByLevel { get; private set; } = [];
    public IReadOnlyList<RuleCitation> Citations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
            return Page();
        var report = new XlsxReport<Row>(
        [
            XlsxColumn<Row>.RowNumber(),
            XlsxColumn<Row>.Text("Họ và tên", r => r.Post.FullName, width: 28),
            XlsxColumn<Row>.Text("Đảng viên / Ngoài Đảng", r => r.Post.IsPartyMember ? "Đảng viên" : "Ngoài Đảng", width: 14),
            XlsxColumn<Row>.Text("Chức vụ", r => r.Post.PositionName, width: 40),
            XlsxColumn<Row>.Text("Cấp", r => r.Post.Level.DisplayName(), width: 20),
            XlsxColumn<Row>.Text("Tổ chức đảng", r => r.Post.OrganizationName, width: 32),
            XlsxColumn<Row>.Text("Ngày sinh", r => Members.MemberQueries.BirthText(r.Post.BirthDate, r.Post.BirthYearOnly), width: 12),
            XlsxColumn<Row>.Text("Tuổi nghỉ hưu", r => r.Retirement.AgeText, width: 16),
            XlsxColumn<Row>.Date("Nghỉ hưu từ ngày", r => r.Retirement.PensionFrom),
            XlsxColumn<Row>.Text("Ghi chú", r => r.Note, width: 50),
        ])
        {
            SheetName = "Dự báo nghỉ hưu",
            TitleLines =
            [
                $"CÁN BỘ ĐẾN TUỔI NGHỈ HƯU TỪ {DateText.Format(Today)} ĐẾN {DateText.Format(Until)}",
                "Theo Bộ luật Lao động 2019 và Nghị định 135/2020/NĐ-CP",
                .. (Truncated ? new[] { TruncatedText } : []),
                XlsxReport<Row>.ExportedOnLine(Today),
            ],
        };
        return XlsxResult.Create(report, Rows.ToAsyncEnumerable(), $"Dự báo nghỉ hưu {Today:dd-MM-yyyy}.xlsx");
    }

    public string TruncatedText =>
        $"Danh sách chỉ hiển thị {CadreText.Number(Rows.Count)} dòng đầu: chỉ đọc {CadreText.Number(MaxRows)} chức vụ đầu tiên (theo ngày sinh) "
        + "trong số những người có thể đến tuổi nghỉ hưu; hãy rút ngắn số tháng dự báo để xem đủ.";

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        if (Months is < 1 or > 120)
        {
            ModelState.AddModelError(nameof(Months), "Số tháng dự báo phải từ 1 đến 120.");
            Months = 12;
        }
        Until = Today.AddMonths(Months);
        var (book, _) = await rules.GetAsync(ct);
        var (posts, truncated) = await queries.ActivePostsAsync(CadreQueries.BirthWindow(Today, Until, book), null, false, MaxRows, ct);
        Truncated = truncated;
        // Decided retirements replace the computed date; they may bring in people the age window does not read.
        var decided = await decisions.ForAsync(posts.Select(p => p.MemberId).Distinct().ToList(), Today, Until.AddDays(1), ct);
        var missing = decided.Keys.Except(posts.Select(p => p.MemberId)).ToList();
        if (missing.Count > 0)
            posts = [.. posts, .. await decisions.ActivePostsOfAsync(missing, false, ct)];
        Rows = posts
            .Select(p => (p, r: OrgCom.Core.Cadres.Retirement.For(p.Gender, p.BirthDate, p.BirthYearOnly, book), d: decided.GetValueOrDefault(p.MemberId)))
            .Where(x => x.r.IsSuccess)
            .Select(x => (x.p, r: x.r.Value!.Apply(x.d), x.d))
            .Where(x => x.r.PensionFrom > Today && x.r.RetiresOn <= Until)
            .Select(x => new Row(x.p, x.r, x.d))
            .OrderBy(r => r.Retirement.RetiresOn).ThenBy(r => r.Post.Level).ThenBy(r => r.Post.FullName)
            .ToList();
        ByLevel = Rows.GroupBy(r => r.Post.Level).OrderBy(g => g.Key).Select(g => (g.Key, g.Select(r => r.Post.MemberId).Distinct().Count())).ToList();
        Citations = Rows.Select(r => r.Retirement.Citation).DistinctBy(c => c.Key).ToList();
    }
}
