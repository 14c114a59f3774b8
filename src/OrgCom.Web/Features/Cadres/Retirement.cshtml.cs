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
public sealed class RetirementModel(CadreQueries queries, RuleBookProvider rules, TimeProvider clock, IConfiguration configuration) : PageModel
{
    /// <summary>The most posts read (of people born in the window, earliest first); <c>OrgCom:CadreListMaxRows</c>.</summary>
    public int MaxRows { get; } = configuration.GetValue("OrgCom:CadreListMaxRows", 5000);

    /// <summary>More posts matched than <see cref="MaxRows"/>: the page says so.</summary>
    public bool Truncated { get; private set; }

    public sealed record Row(ActivePost Post, RetirementSchedule Retirement);

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
            XlsxColumn<Row>.Text("Chức vụ", r => r.Post.PositionName, width: 40),
            XlsxColumn<Row>.Text("Cấp", r => r.Post.Level.DisplayName(), width: 20),
            XlsxColumn<Row>.Text("Tổ chức đảng", r => r.Post.OrganizationName, width: 32),
            XlsxColumn<Row>.Text("Ngày sinh", r => Members.MemberQueries.BirthText(r.Post.BirthDate, r.Post.BirthYearOnly), width: 12),
            XlsxColumn<Row>.Text("Tuổi nghỉ hưu", r => r.Retirement.AgeText, width: 16),
            XlsxColumn<Row>.Date("Nghỉ hưu từ ngày", r => r.Retirement.PensionFrom),
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
        Rows = posts
            .Select(p => (p, r: OrgCom.Core.Cadres.Retirement.For(p.Gender, p.BirthDate, p.BirthYearOnly, book)))
            .Where(x => x.r.IsSuccess && x.r.Value!.PensionFrom > Today && x.r.Value.RetiresOn <= Until)
            .Select(x => new Row(x.p, x.r.Value!))
            .OrderBy(r => r.Retirement.RetiresOn).ThenBy(r => r.Post.Level).ThenBy(r => r.Post.FullName)
            .ToList();
        ByLevel = Rows.GroupBy(r => r.Post.Level).OrderBy(g => g.Key).Select(g => (g.Key, g.Select(r => r.Post.MemberId).Distinct().Count())).ToList();
        Citations = Rows.Select(r => r.Retirement.Citation).DistinctBy(c => c.Key).ToList();
    }
}
