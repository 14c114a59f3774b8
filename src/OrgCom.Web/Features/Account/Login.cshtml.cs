using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Account;

public sealed class LoginModel(SignInManager<AppUser> signInManager, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Chưa nhập tên đăng nhập.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Chưa nhập mật khẩu.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var user = await users.FindByNameAsync(Input.UserName.Trim());
        if (user is { IsActive: false })
        {
            ModelState.AddModelError("", "Tài khoản đã bị khóa bởi quản trị viên.");
            return Page();
        }
        var result = await signInManager.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(SafeReturnUrl());
        if (result.RequiresTwoFactor)
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl = SafeReturnUrl() });
        ModelState.AddModelError("", result.IsLockedOut
            ? "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần; hãy thử lại sau 15 phút hoặc liên hệ quản trị viên."
            : "Tên đăng nhập hoặc mật khẩu không đúng.");
        return Page();
    }

    private string SafeReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
