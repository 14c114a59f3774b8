using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Account;

/// <summary>
/// Two-step verification with an authenticator app. <c>Setup</c> makes a new key and shows it without storing it
/// (the form carries it, encrypted and valid for 15 minutes); <c>Enable</c> stores it, checks the code from the app
/// against it and only then switches 2FA on and shows the recovery codes once — a wrong code leaves the account
/// exactly as it was. Disabling asks for the password, so an unattended session cannot turn it off.
/// </summary>
public sealed class TwoFactorModel(
    UserManager<AppUser> users, IUserStore<AppUser> store, SignInManager<AppUser> signInManager, OrgComDbContext db,
    IDataProtectionProvider dataProtection)
    : PageModel
{
    public const int RecoveryCodeCount = 10;
    private static readonly TimeSpan SetupLifetime = TimeSpan.FromMinutes(15);

    public bool IsEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Set while enabling: the key to enter in the app, in groups of 4, and the same as an otpauth URI.</summary>
    public string? SharedKey { get; private set; }
    public string? AuthenticatorUri { get; private set; }

    /// <summary>Shown once, right after enabling.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    /// <summary>The new key, encrypted for this user, between <c>Setup</c> and <c>Enable</c>.</summary>
    [BindProperty]
    public string? SetupToken { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        await ShowStateAsync(user);
        return Page();
    }

    // Every change names its handler; a POST naming none (or an unknown one) finds nothing to do.
    public IActionResult OnPost() => NotFound();

    public async Task<IActionResult> OnPostSetupAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user))
            return RedirectToPage();
        var key = users.GenerateNewAuthenticatorKey();
        SetupToken = Protector(user).Protect(key, SetupLifetime);
        await ShowStateAsync(user);
        ShowKey(user, key);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user))
            return RedirectToPage();
        await ShowStateAsync(user);
        var key = ReadSetupKey(user);
        if (key is null)
        {
            ModelState.AddModelError("", "Phiên bật xác thực hai bước đã hết hạn; hãy bấm \"Bật xác thực hai bước\" để bắt đầu lại.");
            return Page();
        }
        ShowKey(user, key);
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Chưa nhập mã xác thực.");
            return Page();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // The token provider reads the key from the store, so it is stored first and rolled back if the code is wrong.
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, ct);
            var stored = await users.UpdateAsync(user);
            if (!stored.Succeeded || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
            {
                await transaction.RollbackAsync(ct);
                ModelState.AddModelError(nameof(Code),
                    "Mã xác thực không đúng; hãy kiểm tra giờ trên điện thoại và nhập mã đang hiện trên ứng dụng. Xác thực hai bước chưa được bật.");
                return Page();
            }
            await users.SetTwoFactorEnabledAsync(user, true);
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
            await transaction.CommitAsync(ct);
        }
        // The security stamp changed; a fresh cookie keeps this session signed in.
        await signInManager.RefreshSignInAsync(user);
        SharedKey = null;
        await ShowStateAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user))
            return RedirectToPage();
        if (string.IsNullOrEmpty(Password) || !await users.CheckPasswordAsync(user, Password))
        {
            ModelState.AddModelError(nameof(Password), string.IsNullOrEmpty(Password)
                ? "Chưa nhập mật khẩu."
                : "Mật khẩu không đúng; xác thực hai bước vẫn đang bật.");
            await ShowStateAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await signInManager.RefreshSignInAsync(user);
        TempData["Success"] = "Đã tắt xác thực hai bước.";
        return RedirectToPage();
    }

    private ITimeLimitedDataProtector Protector(AppUser user) =>
        dataProtection.CreateProtector("OrgCom.Account.TwoFactorSetup", user.Id.ToString()).ToTimeLimitedDataProtector();

    private string? ReadSetupKey(AppUser user)
    {
        if (string.IsNullOrEmpty(SetupToken))
            return null;
        try
        {
            return Protector(user).Unprotect(SetupToken);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private async Task ShowStateAsync(AppUser user)
    {
        IsEnabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = IsEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }

    private void ShowKey(AppUser user, string key)
    {
        SharedKey = FormatKey(key);
        AuthenticatorUri = AuthenticatorUriOf(user.UserName ?? "", key);
    }

    public static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
                result.Append(' ');
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return result.ToString().ToUpperInvariant();
    }

    public static string AuthenticatorUriOf(string userName, string key) =>
        $"otpauth://totp/OrgCom:{Uri.EscapeDataString(userName)}?secret={key}&issuer=OrgCom&digits=6";
}
