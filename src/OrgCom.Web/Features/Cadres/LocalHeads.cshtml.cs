using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Data.Seed;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Export;

namespace OrgCom.Web.Features.Cadres;

/// <summary>
/// The indicator "cán bộ đứng đầu không phải người địa phương": heads of provincial and commune party committees in the
/// user's scope, per province and level, how many are not local people and their share, with the names on drill-down
/// and in Excel. The definition is <see cref="LocalHeads"/>'s (docs/architecture.md, Cadres).
/// </summary>
public sealed class LocalHeadsModel(OrgComDbContext db, TimeProvider clock) : PageModel
{
    private static readonly Lazy<Dictionary<string, ProvinceNames>> Provinces = new(() => ReferenceData.ReadCsv("provinces-2025.csv")
        .ToDictionary(p => p["code"], p => new ProvinceNames(p["code"], p["name"],
            [p["name"], p["full_name"], .. p["old_province_names"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)])));

    public sealed record Head(long MemberId, string FullName, string? Hometown, string PositionName, PositionLevel Level,
        string OrganizationName, ProvinceNames Province, HeadOrigin Origin);

    public sealed record Tally(int Heads, int NotLocal, int Unknown)
    {
        /// <summary>Share of heads who are not local people, in percent with one decimal ("33,3%"); "—" without heads.</summary>
        public string Share => Heads == 0 ? "—" : (100.0 * NotLocal / Heads).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + "%";
        public static Tally Of(IEnumerable<Head> heads)
        {
            var list = heads.ToList();
            return new(list.Count, list.Count(h => h.Origin == HeadOrigin.NotLocal), list.Count(h => h.Origin == HeadOrigin.Unknown));
        }
    }

    public sealed record ProvinceRow(ProvinceNames Province, Tally Provincial, Tally Commune, Tally All);

    /// <summary>The province code of the drill-down ("01"); empty for none.</summary>
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }

    public DateOnly Today { get; private set; }
    public List<Head> Heads { get; private set; } = [];
    public List<ProvinceRow> Rows { get; private set; } = [];
    public ProvinceRow? Total { get; private set; }
    public List<Head> Drill { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var rows = string.IsNullOrEmpty(Province) ? Heads : Drill;
        var report = new XlsxReport<Head>(
        [
            XlsxColumn<Head>.RowNumber(),
            XlsxColumn<Head>.Text("Tỉnh, thành phố", h => h.Province.Name, width: 18),
            XlsxColumn<Head>.Text("Cấp", h => h.Level == PositionLevel.Provincial ? "Tỉnh" : "Xã", width: 8),
            XlsxColumn<Head>.Text("Họ và tên", h => h.FullName, width: 26),
            XlsxColumn<Head>.Text("Chức vụ", h => h.PositionName, width: 30),
            XlsxColumn<Head>.Text("Tổ chức đảng", h => h.OrganizationName, width: 34),
            XlsxColumn<Head>.Text("Quê quán", h => h.Hometown ?? "", width: 34),
            XlsxColumn<Head>.Text("Người địa phương", h => LocalHeads.DisplayName(h.Origin), width: 24),
        ])
        {
            SheetName = "Cán bộ đứng đầu",
            TitleLines =
            [
                "CÁN BỘ ĐỨNG ĐẦU CẤP ỦY CẤP TỈNH, CẤP XÃ KHÔNG PHẢI NGƯỜI ĐỊA PHƯƠNG",
                $"Tổng số {Total?.All.Heads ?? 0} cán bộ đứng đầu; không phải người địa phương {Total?.All.NotLocal ?? 0} ({Total?.All.Share ?? "—"}); chưa ghi quê quán {Total?.All.Unknown ?? 0}",
                XlsxReport<Head>.ExportedOnLine(Today),
            ],
        };
        return XlsxResult.Create(report, rows.ToAsyncEnumerable(), $"Cán bộ đứng đầu không phải người địa phương {Today:dd-MM-yyyy}.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        var posts = await (from a in db.Appointments
                           where a.EndedOn == null && !a.IsActing
                           join p in db.Positions on a.PositionId equals p.Id
                           where p.BodyKind == BodyKind.Party && p.IsCommitteeSeat && (p.Level == PositionLevel.Provincial || p.Level == PositionLevel.Commune)
                           join m in db.CadrePeople on a.MemberId equals m.Id
                           join o in db.Organizations on a.OrganizationId equals o.Id
                           select new
                           {
                               a.MemberId, m.FullName, m.Hometown, p.Name, p.Level, p.BodyKind, p.IsCommitteeSeat, a.PositionName,
                               Organization = o.Name, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty),
                           }).ToListAsync(ct);
        posts = posts.Where(x => LocalHeads.IsHead(x.Name, x.Level, x.BodyKind, x.IsCommitteeSeat)).ToList();
        // The province is the organization's ancestor directly under the Centre (or itself): path "centre.province[.…]".
        var provinceIds = posts.Select(x => ProvinceIdOf(x.Path)).OfType<long>().Distinct().ToArray();
        var codes = await db.Organizations.IgnoreQueryFilters().Where(o => provinceIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        Heads = posts
            .Select(x => (x, province: ProvinceIdOf(x.Path) is { } id && codes.TryGetValue(id, out var code) && code.StartsWith('T')
                && Provinces.Value.TryGetValue(code[1..], out var names) ? names : null))
            .Where(t => t.province is not null)
            .Select(t => new Head(t.x.MemberId, t.x.FullName, t.x.Hometown, t.x.PositionName, t.x.Level, t.x.Organization, t.province!,
                LocalHeads.OriginOf(t.x.Hometown, t.province!)))
            .OrderBy(h => h.Province.Code).ThenBy(h => h.Level).ThenBy(h => h.OrganizationName).ThenBy(h => h.FullName)
            .ToList();
        Rows = Heads.GroupBy(h => h.Province.Code).OrderBy(g => g.Key)
            .Select(g => new ProvinceRow(g.First().Province, Tally.Of(g.Where(h => h.Level == PositionLevel.Provincial)),
                Tally.Of(g.Where(h => h.Level == PositionLevel.Commune)), Tally.Of(g)))
            .ToList();
        Total = new ProvinceRow(new ProvinceNames("", "Tổng số", []), Tally.Of(Heads.Where(h => h.Level == PositionLevel.Provincial)),
            Tally.Of(Heads.Where(h => h.Level == PositionLevel.Commune)), Tally.Of(Heads));
        Drill = string.IsNullOrEmpty(Province) ? [] : Heads.Where(h => h.Province.Code == Province).ToList();
    }

    private static long? ProvinceIdOf(LTree path)
    {
        var parts = path.ToString().Split('.');
        return parts.Length >= 2 && long.TryParse(parts[1], out var id) ? id : null;
    }
}
