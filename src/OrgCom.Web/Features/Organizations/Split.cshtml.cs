using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Organizations;

/// <summary>Chia tách: this organization into several, each child organization and member assigned to one of them.</summary>
public sealed class SplitModel(OrganizationQueries queries, OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit,
    ReorganizationService reorganizations) : OrganizationChangePage(queries, db, currentUser, audit)
{
    public const int MaxTargets = 4;

    public sealed class TargetInput
    {
        public bool IsNew { get; set; }
        public string? ExistingCode { get; set; }
        public string? Code { get; set; }
        public string? Name { get; set; }
        public OrganizationKind Kind { get; set; }
        public string? ParentCode { get; set; }
    }

    [BindProperty] public List<TargetInput> Targets { get; set; } = [];
    [BindProperty] public Dictionary<long, int> ChildTargets { get; set; } = [];
    [BindProperty] public Dictionary<long, int> MemberTargets { get; set; } = [];

    public List<(long Id, string Name)> Children { get; private set; } = [];
    public List<(long Id, string Name, MemberStatus Status)> Members { get; private set; } = [];
    public ReorganizationPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        await LoadContentAsync(ct);
        EffectiveOn = Today();
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        await LoadContentAsync(ct);
        if (ReadRequest() is not { } request)
            return Page();
        var preview = await reorganizations.PreviewSplitAsync(request, ct);
        if (preview.IsSuccess)
            Preview = preview.Value;
        else
            ModelState.AddModelError("", preview.Error!.Message);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        await LoadContentAsync(ct);
        if (ReadRequest() is not { } request)
            return Page();
        var applied = await reorganizations.SplitAsync(request, ct);
        if (!applied.IsSuccess)
        {
            ModelState.AddModelError("", applied.Error!.Message);
            return Page();
        }
        TempData["Success"] = $"Đã chia tách {Organization.Name} theo quyết định {request.Decision}.";
        return Redirect($"/Organizations/Reorganization/{applied.Value!.Id}");
    }

    private async Task LoadContentAsync(CancellationToken ct)
    {
        while (Targets.Count < MaxTargets)
            Targets.Add(new TargetInput { Kind = Organization.Kind, ParentCode = null });
        Children = (await Db.Organizations.Where(o => o.ParentId == Organization.Id && o.DissolvedOn == null)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        Members = (await Db.Members.Where(m => m.OrganizationId == Organization.Id && (m.Status == MemberStatus.Candidate
                || m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official))
            .OrderBy(m => m.GivenName).ThenBy(m => m.FamilyName).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.FullName, m.Status }).ToListAsync(ct)).Select(m => (m.Id, m.FullName, m.Status)).ToList();
    }

    private SplitRequest? ReadRequest()
    {
        if (ReadDecision() is not { } decision)
            return null;
        // Only the filled rows are receiving organizations; the assignments refer to the rows as numbered on the form.
        var filled = Targets.Select((t, i) => (t, i))
            .Where(x => x.t.IsNew ? !string.IsNullOrWhiteSpace(x.t.Code) : !string.IsNullOrWhiteSpace(x.t.ExistingCode)).ToList();
        var index = filled.Select((x, n) => (x.i, n)).ToDictionary(x => x.i, x => x.n);
        var specs = filled.Select(x => x.t.IsNew
            ? new TargetSpec(null, new NewOrganization(x.t.Code!, x.t.Name ?? "", x.t.Kind, x.t.ParentCode ?? ""))
            : new TargetSpec(x.t.ExistingCode, null)).ToList();
        Dictionary<long, int> Map(Dictionary<long, int> raw) =>
            raw.Where(kv => index.ContainsKey(kv.Value)).ToDictionary(kv => kv.Key, kv => index[kv.Value]);
        return new SplitRequest(Organization.Code, specs, Map(ChildTargets), Map(MemberTargets), decision.Date, decision.Decision);
    }
}
