using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Account;

/// <summary>The second step of signing in for accounts with two-step verification: a code from the authenticator
/// app, or one of the single-use recovery codes.</summary>
public sealed class LoginWith2faModel(SignInManager<AppUser> signInManager) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the recovery-code form instead of the authenticator-code form.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Recovery { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? BackToLogin() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        Recovery = false;
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return BackToLogin();
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length == 0)
            return Refuse("Chưa nhập mã xác thực.");
        if (!user.IsActive)
            return Refuse("Tài khoản đã bị khóa bởi quản trị viên.");
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        return Outcome(result, "Mã xác thực không đúng hoặc đã hết hạn; hãy nhập mã đang hiện trên ứng dụng xác thực.");
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        Recovery = true;
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return BackToLogin();
        var code = (RecoveryCode ?? "").Replace(" ", "");
        if (code.Length == 0)
            return Refuse("Chưa nhập mã khôi phục.");
        if (!user.IsActive)
            return Refuse("Tài khoản đã bị khóa bởi quản trị viên.");
        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
        return Outcome(result, "Mã khôi phục không đúng hoặc đã được dùng.");
    }

    private IActionResult Outcome(Microsoft.AspNetCore.Identity.SignInResult result, string wrongCode)
    {
        if (result.Succeeded)
            return LocalRedirect(SafeReturnUrl());
        return Refuse(result.IsLockedOut
            ? "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần; hãy thử lại sau 15 phút hoặc liên hệ quản trị viên."
            : wrongCode);
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError("", message);
        return Page();
    }

    // The first step has expired (or never happened): start again with the password.
    private RedirectToPageResult BackToLogin() => RedirectToPage("./Login", new { ReturnUrl = SafeReturnUrl() });

    private string SafeReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public string SwitchUrl(bool recovery) =>
        $"/Account/LoginWith2fa?ReturnUrl={Uri.EscapeDataString(SafeReturnUrl())}" + (recovery ? "&Recovery=true" : "");
}
