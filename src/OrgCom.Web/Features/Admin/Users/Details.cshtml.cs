using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Admin.Users;

/// <summary>
/// One account and what an administrator may do to it. Every handler loads the account within the administrator's
/// reach first (404 outside it, POSTs included), then checks the rule, changes through UserManager or the DbContext
/// (so the audit log records it) and redirects back here.
/// </summary>
[RequirePermission(Permission.Administer)]
public sealed class DetailsModel(
    UserQueries queries, UserManager<AppUser> users, OrgComDbContext db, CurrentUser currentUser, TimeProvider clock)
    : PageModel
{
    public UserRow Account { get; private set; } = null!;
    public List<GrantRow> Grants { get; private set; } = [];

    /// <summary>Grants on organizations this administrator does not administer; account-wide changes need none.</summary>
    public int GrantsBeyondAdministration { get; private set; }

    public bool CanChangeAccount => GrantsBeyondAdministration == 0;
    public bool IsSelf => Account.Id == currentUser.UserId;
    public DateTimeOffset Now { get; private set; }

    [BindProperty]
    public string? GrantRole { get; set; } = nameof(Role.Viewer);

    [BindProperty]
    public string? GrantOrganizationCode { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    // Every change names its handler; a POST naming none (or an unknown one) finds nothing to do.
    public IActionResult OnPost() => NotFound();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAddGrantAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        if (!UserQueries.TryParseRole(GrantRole, out var role))
            return Refuse(nameof(GrantRole), "Chưa chọn vai trò.");
        var organization = await queries.AdministeredOrganizationAsync(GrantOrganizationCode, ct);
        if (!organization.IsSuccess)
            return Refuse(nameof(GrantOrganizationCode), organization.Error!.Message);
        var org = organization.Value!;
        if (await HasGrantAsync(id, role, org.Id, ct))
            return Refuse(nameof(GrantOrganizationCode), DuplicateGrant(role, org.Name));

        db.UserGrants.Add(new UserGrant
        {
            UserId = id, Role = role, OrganizationId = org.Id,
            GrantedAt = clock.GetUtcNow(), GrantedBy = currentUser.UserName,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            // Granted by someone else between the check and the save.
            db.ChangeTracker.Clear();
            return Refuse(nameof(GrantOrganizationCode), DuplicateGrant(role, org.Name));
        }
        return Done(id, $"Đã giao vai trò {role.DisplayName()} tại {org.Name}.");
    }

    public async Task<IActionResult> OnPostRemoveGrantAsync(Guid id, long grantId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        var shown = Grants.SingleOrDefault(g => g.Id == grantId);
        if (shown is null)
            return NotFound();
        if (!shown.CanAdminister)
            return Refuse("", $"Bạn không có quyền quản trị người dùng của {shown.OrganizationName}.");
        if (IsSelf && shown.Role.PermissionsOf().HasFlag(Permission.Administer)
            && currentUser.Grants.Count(g => g.Role.PermissionsOf().HasFlag(Permission.Administer)) <= 1)
            return Refuse("", "Bạn không thể gỡ quyền quản trị cuối cùng của chính mình; hãy nhờ một quản trị viên khác.");

        var grant = await db.UserGrants.SingleAsync(g => g.Id == grantId && g.UserId == id, ct);
        db.UserGrants.Remove(grant);
        await db.SaveChangesAsync(ct);
        return Done(id, $"Đã gỡ vai trò {shown.Role.DisplayName()} tại {shown.OrganizationName}.");
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        if (IsSelf)
            return Refuse("", "Bạn không thể vô hiệu hóa tài khoản của chính mình.");
        return await ChangeAccountAsync(id, async user =>
        {
            user.IsActive = false;
            return await users.UpdateAsync(user);
        }, $"Đã vô hiệu hóa tài khoản {Account.UserName}; người dùng bị đăng xuất ở lần thao tác tiếp theo.", ct);
    }

    public async Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        return await ChangeAccountAsync(id, async user =>
        {
            user.IsActive = true;
            return await users.UpdateAsync(user);
        }, $"Đã kích hoạt lại tài khoản {Account.UserName}.", ct);
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        return await ChangeAccountAsync(id, async user =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            return unlocked.Succeeded ? await users.ResetAccessFailedCountAsync(user) : unlocked;
        }, $"Đã mở khóa tài khoản {Account.UserName}.", ct);
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        if (string.IsNullOrEmpty(NewPassword))
            return Refuse(nameof(NewPassword), "Chưa nhập mật khẩu mới.");
        return await ChangeAccountAsync(id, async user =>
        {
            // A reset token changes the password in one validated step: a refused password leaves the old one.
            var token = await users.GeneratePasswordResetTokenAsync(user);
            return await users.ResetPasswordAsync(user, token, NewPassword);
        }, $"Đã đặt lại mật khẩu cho {Account.UserName}; hãy báo mật khẩu mới cho người dùng qua kênh an toàn.", ct);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var account = await queries.FindAsync(id, ct);
        if (account is null)
            return NotFound();
        Account = account;
        Grants = await queries.GrantsAsync([id], ct);
        GrantsBeyondAdministration = await queries.GrantsBeyondAdministrationAsync(id, ct);
        Now = clock.GetUtcNow();
        return null;
    }

    /// <summary>Password, activation and lockout belong to the whole account, so they need Administer over all of it.</summary>
    private async Task<IActionResult> ChangeAccountAsync(
        Guid id, Func<AppUser, Task<IdentityResult>> change, string success, CancellationToken ct)
    {
        if (!CanChangeAccount)
            return Refuse("", "Tài khoản này còn được giao quyền ở tổ chức ngoài phạm vi bạn quản trị; chỉ quản trị viên cấp trên mới thay đổi được mật khẩu, trạng thái hoặc khóa của tài khoản.");
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
            return NotFound();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await change(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(nameof(NewPassword), error.Description);
            return Page();
        }
        await transaction.CommitAsync(ct);
        return Done(id, success);
    }

    private Task<bool> HasGrantAsync(Guid userId, Role role, long organizationId, CancellationToken ct) =>
        db.UserGrants.IgnoreQueryFilters().AnyAsync(g => g.UserId == userId && g.Role == role && g.OrganizationId == organizationId, ct);

    private static string DuplicateGrant(Role role, string organizationName) =>
        $"Người dùng đã có vai trò {role.DisplayName()} tại {organizationName}.";

    private PageResult Refuse(string key, string message)
    {
        ModelState.AddModelError(key, message);
        return Page();
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData["Success"] = message;
        return Redirect($"/Admin/Users/Details/{id}");
    }
}
