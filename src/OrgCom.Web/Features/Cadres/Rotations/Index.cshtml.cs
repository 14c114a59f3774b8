using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Cadres;
using OrgCom.Core.Common;
using OrgCom.Core.Rules;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Cadres.Rotations;

/// <summary>Rotations the user's scope sends or receives: current, due to end within N months, finished; Excel.</summary>
public sealed class IndexModel(RotationQueries queries, RuleBookProvider rules, TimeProvider clock, IConfiguration configuration) : PageModel
{
    public int MaxRows { get; } = configuration.GetValue("OrgCom:CadreListMaxRows", 5000);

    [BindProperty(SupportsGet = true)] public RotationView View { get; set; } = RotationView.Current;
    [BindProperty(SupportsGet = true)] public int Months { get; set; } = 6;

    public DateOnly Today { get; private set; }
    public DateOnly DueBy { get; private set; }
    public List<RotationRow> Rows { get; private set; } = [];
    public bool Truncated { get; private set; }
    public RuleBook Rules { get; private set; } = null!;
    public RuleCitation? MinimumRule { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var report = new XlsxReport<RotationRow>(
        [
            XlsxColumn<RotationRow>.RowNumber(),
            XlsxColumn<RotationRow>.Text("Họ và tên", r => r.Rotation.MemberName, width: 26),
            XlsxColumn<RotationRow>.Text("Nơi đi (chức vụ, tổ chức)", r => $"{r.Rotation.FromPositionName} — {r.FromOrganizationName}", width: 44),
            XlsxColumn<RotationRow>.Text("Nơi đến (chức vụ, tổ chức)", r => $"{r.Rotation.ToPositionName} — {r.ToOrganizationName}", width: 44),
            XlsxColumn<RotationRow>.Text("Hình thức", r => Rotation.DisplayName(r.Rotation.Direction), width: 14),
            XlsxColumn<RotationRow>.Text("Quyết định", r => $"{r.Rotation.DecisionNumber} ngày {DateText.Format(r.Rotation.DecisionDate)}", width: 26),
            XlsxColumn<RotationRow>.Date("Từ ngày", r => r.Rotation.StartOn),
            XlsxColumn<RotationRow>.Date("Đến ngày (dự kiến)", r => r.Rotation.PlannedEndOn),
            XlsxColumn<RotationRow>.Text("Kết thúc thực tế", r => r.Rotation.ActualEndOn is { } e ? $"{DateText.Format(e)} — {r.Rotation.ReturnPlacement}" : "", width: 36),
        ])
        {
            SheetName = "Luân chuyển cán bộ",
            TitleLines =
            [
                $"CÁN BỘ LUÂN CHUYỂN — {Title.ToUpperInvariant()}",
                "Theo Quy định 65-QĐ/TW ngày 28/4/2022 của Bộ Chính trị về luân chuyển cán bộ",
                XlsxReport<RotationRow>.ExportedOnLine(Today),
            ],
        };
        return XlsxResult.Create(report, Rows.ToAsyncEnumerable(), $"Luân chuyển cán bộ {Today:dd-MM-yyyy}.xlsx");
    }

    public string Title => View switch
    {
        RotationView.Due => $"đến hạn kết thúc đến ngày {DateText.Format(DueBy)}",
        RotationView.Finished => "đã kết thúc",
        _ => "đang luân chuyển",
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        if (!Enum.IsDefined(View))
            View = RotationView.Current;
        if (Months is < 1 or > 60)
        {
            ModelState.AddModelError(nameof(Months), "Số tháng phải từ 1 đến 60.");
            Months = 6;
        }
        DueBy = Today.AddMonths(Months);
        (Rules, _) = await rules.GetAsync(ct);
        MinimumRule = Rules.TryGet(RuleKey.RotationMinMonths, Today, out var rule) ? rule.Citation : null;
        (Rows, Truncated) = await queries.ListAsync(View, Today, DueBy, MaxRows, ct);
    }
}
