using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Account;

public sealed class AccountPagesTests : AppTest
{
    private const string NewPassword = "MatKhau@Moi2026";

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Totp_helper_matches_the_rfc_6238_test_vectors(long unixTime, string expected) =>
        Assert.Equal(expected, Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(unixTime)));

    [Fact]
    public async Task Manage_shows_the_account_its_grants_by_role_and_organization_and_the_settings_links()
    {
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, "/Account/Manage");

        Assert.Equal("Nguyễn Thị Hà", Text(page, "full-name"));
        Assert.Equal("hanoi", Text(page, "user-name"));
        Assert.Equal("Đang tắt", Text(page, "two-factor"));
        var grants = page.QuerySelectorAll("[data-testid=grants] li").Select(li => Squash(li.TextContent)).ToList();
        Assert.Equal(["Cán bộ Ban Tổ chức — Đảng bộ thành phố Hà Nội"], grants);
        Assert.Equal("/Account/ChangePassword", page.QuerySelector("[data-testid=change-password-link]")!.GetAttribute("href"));
        Assert.Equal("/Account/TwoFactor", page.QuerySelector("[data-testid=two-factor-link]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Account_pages_need_a_signed_in_user()
    {
        var anonymous = Anonymous();
        foreach (var url in new[] { "/Account/Manage", "/Account/ChangePassword", "/Account/TwoFactor" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", LocationOf(response), StringComparison.Ordinal);
        }
        var secondStep = await anonymous.GetAsync("/Account/LoginWith2fa");
        Assert.Equal(HttpStatusCode.Redirect, secondStep.StatusCode);
        Assert.StartsWith("/Account/Login", LocationOf(secondStep), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_password_keeps_the_session_and_is_audited_with_the_hash_hidden()
    {
        var client = await SignInAsync("hanoi");
        var hanoiId = await UserIdAsync("hanoi");

        var response = await ChangePasswordAsync(client, Password, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Manage", response.Headers.Location!.OriginalString);
        var manage = await GetDocumentAsync(client, "/Account/Manage");
        Assert.Contains("Đã đổi mật khẩu.", manage.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await TryLoginAsync(Anonymous(), "hanoi", Password)).StatusCode);
        await SignInAsync("hanoi", NewPassword);

        var hash = await WithDbAsync(db => db.Users.Where(u => u.Id == hanoiId).Select(u => u.PasswordHash!).SingleAsync());
        var audit = await WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "users" && a.EntityKey == hanoiId.ToString() && a.Action == AuditAction.Update)
            .ToListAsync());
        var line = Assert.Single(audit, a => a.Changes!.Contains("password_hash"));
        Assert.Equal("hanoi", line.UserName);
        Assert.Equal(hanoiId, line.UserId);
        Assert.Contains(AuditRecorder.Redacted, line.Changes);
        Assert.DoesNotContain(hash, line.Changes);
    }

    [Fact]
    public async Task Change_password_refuses_a_wrong_current_password_a_weak_or_mismatched_new_one_and_the_old_one_still_works()
    {
        var client = await SignInAsync("lanhdao.hanoi");
        var auditBefore = await WithDbAsync(db => db.AuditEntries.CountAsync());

        var wrongCurrent = await DocumentAsync(await ChangePasswordAsync(client, "Sai@MatKhau99", NewPassword, NewPassword));
        Assert.Contains("Mật khẩu hiện tại không đúng.", Errors(wrongCurrent));

        var weak = await DocumentAsync(await ChangePasswordAsync(client, Password, "abc", "abc"));
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", Errors(weak));

        var mismatch = await DocumentAsync(await ChangePasswordAsync(client, Password, NewPassword, NewPassword + "x"));
        Assert.Contains("Mật khẩu nhập lại không khớp với mật khẩu mới.", Errors(mismatch));

        Assert.Equal(auditBefore, await WithDbAsync(db => db.AuditEntries.CountAsync()));
        await SignInAsync("lanhdao.hanoi");
        Assert.Equal(HttpStatusCode.OK, (await TryLoginAsync(Anonymous(), "lanhdao.hanoi", NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Two_factor_is_enabled_with_an_authenticator_code_then_required_at_sign_in()
    {
        var client = await SignInAsync("xa.badinh");
        var userId = await UserIdAsync("xa.badinh");
        Assert.Contains("Đang tắt", Text(await GetDocumentAsync(client, "/Account/TwoFactor"), "two-factor-status"));
        var before = await TwoFactorStateAsync(userId);

        var setup = await DocumentAsync(await PostFormAsync(client, "/Account/TwoFactor?handler=Setup", [], "/Account/TwoFactor"));
        var shownKey = Text(setup, "authenticator-key");
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", shownKey);
        var key = shownKey.Replace(" ", "");
        Assert.Equal($"otpauth://totp/OrgCom:xa.badinh?secret={key}&issuer=OrgCom&digits=6", Text(setup, "authenticator-uri"));
        var setupToken = SetupToken(setup);

        // A wrong code, or a key that was not issued by the page, changes nothing at all.
        var wrong = await DocumentAsync(await EnableAsync(client, setupToken, Totp.Code(key, DateTimeOffset.UtcNow.AddHours(3))));
        Assert.Contains("Mã xác thực không đúng", Errors(wrong));
        Assert.Equal(shownKey, Text(wrong, "authenticator-key"));
        var forged = await DocumentAsync(await EnableAsync(client, "khoa-tu-che", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Contains("đã hết hạn", Errors(forged));
        Assert.Equal(before, await TwoFactorStateAsync(userId));

        var enabled = await DocumentAsync(await EnableAsync(client, SetupToken(wrong), Totp.Code(key, DateTimeOffset.UtcNow)));
        var recoveryCodes = enabled.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        Assert.Contains("Đang bật", Text(enabled, "two-factor-status"));
        Assert.True(await WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
        // The change is audited as the user, and neither the key nor a recovery code reaches the log.
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.UserName == "xa.badinh").ToListAsync());
        Assert.Contains(audit, a => a.EntityType == "users" && a.Changes!.Contains("two_factor_enabled"));
        Assert.All(audit, a => Assert.DoesNotContain(key, a.Changes));
        Assert.All(audit, a => Assert.DoesNotContain(recoveryCodes[0], a.Changes));
        // The page does not show them again.
        Assert.Empty((await GetDocumentAsync(client, "/Account/TwoFactor")).QuerySelectorAll("[data-testid=recovery-codes]"));

        // Password alone is no longer enough.
        var browser = Anonymous();
        var firstStep = await TryLoginAsync(browser, "xa.badinh", Password, "/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, firstStep.StatusCode);
        var secondStepUrl = firstStep.Headers.Location!.OriginalString;
        Assert.StartsWith("/Account/LoginWith2fa", secondStepUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Account/Manage")).StatusCode);

        var badCode = await DocumentAsync(await PostFormAsync(browser, secondStepUrl,
            new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-3)) }));
        Assert.Contains("Mã xác thực không đúng", Errors(badCode));

        var signedIn = await PostFormAsync(browser, secondStepUrl, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/Account/Manage", signedIn.Headers.Location!.OriginalString);
        Assert.Equal("xa.badinh", Text(await GetDocumentAsync(browser, "/Account/Manage"), "user-name"));

        // A recovery code replaces the authenticator once.
        var lostPhone = Anonymous();
        await TryLoginAsync(lostPhone, "xa.badinh", Password);
        var recoveryPage = await GetDocumentAsync(lostPhone, "/Account/LoginWith2fa?ReturnUrl=%2F");
        var recoveryUrl = recoveryPage.QuerySelector("[data-testid=use-recovery]")!.GetAttribute("href")!;
        Assert.NotNull((await GetDocumentAsync(lostPhone, recoveryUrl)).QuerySelector("input[name=RecoveryCode]"));
        var recovered = await PostFormAsync(lostPhone, "/Account/LoginWith2fa?handler=Recovery&ReturnUrl=%2F",
            new() { ["RecoveryCode"] = recoveryCodes[0] }, recoveryUrl);
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Contains("Còn 9 mã khôi phục", Text(await GetDocumentAsync(lostPhone, "/Account/TwoFactor"), "two-factor-status"));

        var again = Anonymous();
        await TryLoginAsync(again, "xa.badinh", Password);
        var reused = await DocumentAsync(await PostFormAsync(again, "/Account/LoginWith2fa?handler=Recovery&ReturnUrl=%2F",
            new() { ["RecoveryCode"] = recoveryCodes[0] }, "/Account/LoginWith2fa?Recovery=true"));
        Assert.Contains("Mã khôi phục không đúng hoặc đã được dùng.", Errors(reused));
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_the_password()
    {
        var client = await SignInAsync("hcm");
        var setup = await DocumentAsync(await PostFormAsync(client, "/Account/TwoFactor?handler=Setup", [], "/Account/TwoFactor"));
        var key = Text(setup, "authenticator-key").Replace(" ", "");
        var enabled = await DocumentAsync(await EnableAsync(client, SetupToken(setup), Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Contains("Đang bật", Text(enabled, "two-factor-status"));

        var refused = await DocumentAsync(await PostFormAsync(client, "/Account/TwoFactor?handler=Disable",
            new() { ["Password"] = "Sai@MatKhau99" }, "/Account/TwoFactor"));
        Assert.Contains("Mật khẩu không đúng; xác thực hai bước vẫn đang bật.", Errors(refused));
        Assert.True(await WithDbAsync(db => db.Users.Where(u => u.UserName == "hcm").Select(u => u.TwoFactorEnabled).SingleAsync()));

        var disabled = await PostFormAsync(client, "/Account/TwoFactor?handler=Disable", new() { ["Password"] = Password }, "/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("Đang tắt", Text(await GetDocumentAsync(client, "/Account/TwoFactor"), "two-factor-status"));
        Assert.False(await WithDbAsync(db => db.Users.Where(u => u.UserName == "hcm").Select(u => u.TwoFactorEnabled).SingleAsync()));
        await SignInAsync("hcm");
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next, string confirm) =>
        PostFormAsync(client, "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = confirm,
        });

    private static Task<HttpResponseMessage> EnableAsync(HttpClient client, string setupToken, string code) =>
        PostFormAsync(client, "/Account/TwoFactor?handler=Enable", new() { ["SetupToken"] = setupToken, ["Code"] = code }, "/Account/TwoFactor");

    private static string SetupToken(IHtmlDocument page) =>
        ((IHtmlInputElement)page.QuerySelector("input[name=SetupToken]")!).Value;

    /// <summary>Whether 2FA is on, the stored tokens (key, recovery codes) and the audit lines: all a change would touch.</summary>
    private Task<(bool Enabled, int Tokens, int Audit)> TwoFactorStateAsync(Guid userId) =>
        WithDbAsync(async db => (
            await db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync(),
            await db.UserTokens.CountAsync(t => t.UserId == userId),
            await db.AuditEntries.CountAsync()));

    private static async Task<HttpResponseMessage> TryLoginAsync(HttpClient client, string userName, string password, string returnUrl = "/") =>
        await PostFormAsync(client, $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>The redirect target as a local path: the cookie handler redirects to an absolute URL, pages to a relative one.</summary>
    private static string LocationOf(HttpResponseMessage response) =>
        new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery;

    private Task<Guid> UserIdAsync(string userName) =>
        WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private static string Text(IHtmlDocument page, string testId) =>
        Squash(page.QuerySelector($"[data-testid={testId}]")?.TextContent ?? $"(no {testId})");

    private static string Errors(IHtmlDocument page) => Text(page, "errors");

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
