using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Export;

namespace OrgCom.Web.Features.Members;

/// <summary>
/// Tra cứu đảng viên: one box for a name (with or without diacritics, whole or partial words), a CCCD or a party card
/// number, and filters; also the member list of an organization with its whole subtree (?org=CODE). Only members of the
/// user's own subtrees are ever found. The result can be downloaded as an Excel file.
/// </summary>
public sealed class SearchModel(MemberSearchQuery search, OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, TimeProvider clock) : PageModel
{
    /// <summary>Rows of one export at most (an Excel sheet holds 1,048,576).</summary>
    public const int MaxExportRows = 1_000_000;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "org")] public string? Org { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "gender")] public string? Gender { get; set; }
    [BindProperty(SupportsGet = true, Name = "birthYear")] public string? BirthYear { get; set; }
    [BindProperty(SupportsGet = true, Name = "age")] public string? Age { get; set; }
    [BindProperty(SupportsGet = true, Name = "ethnicity")] public string? Ethnicity { get; set; }
    [BindProperty(SupportsGet = true, Name = "theory")] public string? Theory { get; set; }
    [BindProperty(SupportsGet = true, Name = "partyAge")] public string? PartyAge { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public string? PageNumber { get; set; }

    public MemberSearchPage? Result { get; private set; }
    public ResolvedSearch? Resolved { get; private set; }

    /// <summary>A remark shown with an empty result (e.g. a number one digit off a CCCD).</summary>
    public string? Hint { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var resolved = await ResolveAsync(ct);
        if (resolved is null)
            return;
        Result = await search.PageAsync(resolved, ct);
        if (Result.Rows.Count == 0 && resolved.Number is { Length: not 12 } number && number.Length is 11 or 13)
            Hint = MemberSearchQuery.NearCitizenIdHint(number);
    }

    /// <summary>The whole result as an Excel file, streamed from the database in the order shown.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var resolved = await ResolveAsync(ct);
        if (resolved is null)
            return Page();
        // An export takes personal data (CCCD) out of the system: it is logged like opening a dossier.
        var entry = audit.View(currentUser, "members", "export", null);
        entry.Reason = "Xuất Excel danh sách đảng viên: " + Describe(resolved);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);

        var today = VietnamTime.Today(clock);
        var report = new XlsxReport<MemberSearchRow>(
        [
            XlsxColumn<MemberSearchRow>.RowNumber(),
            XlsxColumn<MemberSearchRow>.Text("Họ và tên", r => r.FullName, width: 28),
            XlsxColumn<MemberSearchRow>.Text("Giới tính", r => r.Gender.DisplayName(), width: 9),
            // A real Excel date; a birth known by its year only is 1 January of that year, as everywhere (domain.md §4).
            XlsxColumn<MemberSearchRow>.Date("Ngày sinh", r => r.BirthDate),
            XlsxColumn<MemberSearchRow>.Text("CCCD", r => r.CitizenId, width: 15),
            XlsxColumn<MemberSearchRow>.Text("Số thẻ", r => r.PartyCardNumber, width: 13),
            XlsxColumn<MemberSearchRow>.Text("Dân tộc", r => r.Ethnicity, width: 11),
            XlsxColumn<MemberSearchRow>.Date("Ngày vào Đảng", r => r.AdmittedOn),
            XlsxColumn<MemberSearchRow>.Date("Ngày chính thức", r => r.OfficialOn),
            XlsxColumn<MemberSearchRow>.Text("Trạng thái", r => r.Status.DisplayName(), width: 16),
            XlsxColumn<MemberSearchRow>.Text("Nơi sinh hoạt", r => r.OrganizationName, width: 40),
        ])
        {
            SheetName = "Đảng viên",
            TitleLines =
            [
                "DANH SÁCH ĐẢNG VIÊN",
                Describe(resolved),
                "Người chỉ biết năm sinh được ghi ngày sinh 01/01 của năm đó.",
                XlsxReport<MemberSearchRow>.ExportedOnLine(today),
            ],
        };
        return XlsxResult.Create(report, search.StreamAsync(resolved, MaxExportRows), $"Danh sách đảng viên {today:dd-MM-yyyy}.xlsx");
    }

    /// <summary>The number of results, asked for separately (htmx): counting a whole province takes longer than a page.</summary>
    public async Task<IActionResult> OnGetCountAsync(CancellationToken ct)
    {
        var resolved = await ResolveAsync(ct);
        if (resolved is null)
            return Content(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        var count = await search.CountAsync(resolved, ct);
        return Content($"{MemberSearchQuery.FormatNumber(count)} đảng viên");
    }

    public string PageUrl(int page) => SearchUrl(new Dictionary<string, string?> { ["pageNumber"] = page.ToString(CultureInfo.InvariantCulture) });

    public string HandlerUrl(string handler) => SearchUrl(new Dictionary<string, string?> { ["handler"] = handler, ["pageNumber"] = null });

    private string SearchUrl(Dictionary<string, string?> overrides)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q, ["org"] = Org ?? "", ["status"] = Status, ["gender"] = Gender, ["birthYear"] = BirthYear, ["age"] = Age,
            ["ethnicity"] = Ethnicity, ["theory"] = Theory, ["partyAge"] = PartyAge, ["sort"] = Sort, ["pageNumber"] = PageNumber,
        };
        foreach (var (key, value) in overrides)
            values[key] = value;
        // "org" stays even when empty: an empty org means "my whole scope", an absent one "my own organization".
        var query = values.Where(v => v.Key == "org" || !string.IsNullOrWhiteSpace(v.Value))
            .Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value ?? "")}");
        return "/Members/Search?" + string.Join("&", query);
    }

    /// <summary>Parses the query string into criteria; problems go to ModelState in Vietnamese and give null.</summary>
    private async Task<ResolvedSearch?> ResolveAsync(CancellationToken ct)
    {
        if (Org is null && !Request.Query.ContainsKey("org"))
            Org = await DefaultOrganizationCodeAsync(ct);

        var criteria = new MemberSearchCriteria
        {
            Query = Q,
            OrganizationCode = Org,
            Status = Enum.TryParse<MemberStatus>(Status, out var status) && Enum.IsDefined(status) ? status : null,
            CountedOnly = Status == "counted",
            Gender = Enum.TryParse<Gender>(Gender, out var gender) && Enum.IsDefined(gender) ? gender : null,
            Age = Enum.TryParse<AgeBand>(Age, out var age) && Enum.IsDefined(age) ? age : null,
            Ethnicity = Ethnicity,
            PoliticalTheory = Enum.TryParse<PoliticalTheoryLevel>(Theory, out var theory) && Enum.IsDefined(theory) ? theory : null,
            PartyAge = Enum.TryParse<PartyAgeBand>(PartyAge, out var partyAge) && Enum.IsDefined(partyAge) ? partyAge : null,
            Sort = Enum.TryParse<MemberSort>(Sort, out var sort) && Enum.IsDefined(sort) ? sort : MemberSort.Name,
            Page = int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1,
        };
        if (!string.IsNullOrWhiteSpace(BirthYear))
        {
            if (!int.TryParse(BirthYear.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                ModelState.AddModelError("birthYear", $"Năm sinh \"{BirthYear.Trim()}\" không hợp lệ: hãy nhập năm gồm 4 chữ số, ví dụ 1975.");
                return null;
            }
            criteria = criteria with { BirthYear = year };
        }
        var resolved = await search.ResolveAsync(criteria, ct);
        if (!resolved.IsSuccess)
        {
            ModelState.AddModelError("", resolved.Error!.Message);
            return null;
        }
        Resolved = resolved.Value;
        return Resolved;
    }

    /// <summary>A user with one subtree lists it by default; one with several (or the whole country) starts unfiltered.</summary>
    private async Task<string?> DefaultOrganizationCodeAsync(CancellationToken ct)
    {
        if (currentUser.IsUnrestricted)
            return null;
        var roots = currentUser.Grants
            .Where(g => !currentUser.ReadPaths.Any(p => p != g.Path && CurrentUser.IsWithin(g.Path, p)))
            .Select(g => g.OrganizationId).Distinct().ToList();
        if (roots.Count != 1)
            return null;
        var id = roots[0];
        return await db.Organizations.Where(o => o.Id == id).Select(o => o.Code).SingleOrDefaultAsync(ct);
    }

    private static string Describe(ResolvedSearch r)
    {
        var c = r.Criteria;
        var parts = new List<string>();
        parts.Add(r.OrganizationName is { } org ? $"{org} (kể cả tổ chức trực thuộc)" : "toàn bộ phạm vi được xem");
        if (!string.IsNullOrWhiteSpace(c.Query))
            parts.Add($"tìm \"{c.Query.Trim()}\"");
        if (c.Status is { } s)
            parts.Add(s.DisplayName());
        else if (c.CountedOnly)
            parts.Add("đang sinh hoạt (dự bị, chính thức)");
        if (c.Gender is { } g)
            parts.Add(g.DisplayName());
        if (c.BirthYear is { } y)
            parts.Add($"sinh năm {y}");
        if (c.Age is { } a)
            parts.Add(MemberSearchQuery.DisplayName(a));
        if (r.Ethnicity is { } e)
            parts.Add($"dân tộc {e}");
        if (c.PoliticalTheory is { } t)
            parts.Add($"lý luận chính trị {t.DisplayName().ToLowerInvariant()}");
        if (c.PartyAge is { } p)
            parts.Add($"tuổi Đảng {MemberSearchQuery.DisplayName(p).ToLowerInvariant()}");
        return "Điều kiện: " + string.Join("; ", parts);
    }

    public static readonly string[] CommonEthnicities =
    [
        "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "H'Mông", "Dao", "Gia Rai", "Ê Đê", "Ba Na", "Sán Chay", "Chăm",
        "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê", "Raglai", "M'Nông", "Thổ", "Giáy", "Khơ Mú", "Cor", "Gié Triêng", "Mạ", "Lào", "Hà Nhì",
    ];
}
