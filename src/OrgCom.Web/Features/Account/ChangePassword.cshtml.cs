using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Account;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signInManager) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "Chưa nhập mật khẩu hiện tại.")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Chưa nhập mật khẩu mới.")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Chưa nhập lại mật khẩu mới.")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "Mật khẩu nhập lại không khớp với mật khẩu mới.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError("", error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? "Mật khẩu hiện tại không đúng."
                    : error.Description);
            return Page();
        }
        // The security stamp changed with the password; a fresh cookie keeps this session signed in.
        await signInManager.RefreshSignInAsync(user);
        TempData["Success"] = "Đã đổi mật khẩu.";
        return RedirectToPage("./Manage");
    }
}
