using Microsoft.AspNetCore.Mvc;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Organizations;

/// <summary>Hợp nhất, sáp nhập: this organization (and others) into one existing or new organization — previewed, then applied.</summary>
public sealed class MergeModel(OrganizationQueries queries, OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit,
    ReorganizationService reorganizations) : OrganizationChangePage(queries, db, currentUser, audit)
{
    [BindProperty] public string? SourceCodes { get; set; }
    [BindProperty] public bool NewTarget { get; set; }
    [BindProperty] public string? TargetCode { get; set; }
    [BindProperty] public string? NewCode { get; set; }
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public OrganizationKind NewKind { get; set; }
    [BindProperty] public string? NewParentCode { get; set; }

    public ReorganizationPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        SourceCodes = Organization.Code;
        NewKind = Organization.Kind;
        EffectiveOn = Today();
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        if (ReadRequest() is not { } request)
            return Page();
        var preview = await reorganizations.PreviewMergeAsync(request, ct);
        if (Check(preview.IsSuccess ? OrgCom.Core.Common.Result.Ok() : preview.Error!))
            Preview = preview.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        if (ReadRequest() is not { } request)
            return Page();
        var applied = await reorganizations.MergeAsync(request, ct);
        if (!applied.IsSuccess)
        {
            ModelState.AddModelError("", applied.Error!.Message);
            return Page();
        }
        TempData["Success"] = $"Đã hợp nhất, sáp nhập theo quyết định {request.Decision}.";
        return Redirect($"/Organizations/Reorganization/{applied.Value!.Id}");
    }

    private MergeRequest? ReadRequest()
    {
        if (ReadDecision() is not { } decision)
            return null;
        var sources = (SourceCodes ?? "").Split(['\n', ',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var target = NewTarget
            ? new TargetSpec(null, new NewOrganization(NewCode ?? "", NewName ?? "", NewKind, NewParentCode ?? ""))
            : new TargetSpec(TargetCode, null);
        return new MergeRequest(sources, target, decision.Date, decision.Decision);
    }
}
