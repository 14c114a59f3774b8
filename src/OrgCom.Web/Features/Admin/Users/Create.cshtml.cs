using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Access;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Admin.Users;

[RequirePermission(Permission.Administer)]
public sealed class CreateModel(UserQueries queries, AccountService accounts) : PageModel
{
    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public sealed class CreateInput
    {
        [Required(ErrorMessage = "Chưa nhập tên đăng nhập.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Chưa nhập họ và tên.")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Chưa nhập mật khẩu ban đầu.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public string? Role { get; set; } = nameof(Core.Access.Role.Viewer);

        [Required(ErrorMessage = "Chưa nhập mã tổ chức.")]
        public string OrganizationCode { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!UserQueries.TryParseRole(Input.Role, out var role))
            ModelState.AddModelError("Input.Role", "Chưa chọn vai trò.");
        if (!ModelState.IsValid)
            return Page();
        var organization = await queries.AdministeredOrganizationAsync(Input.OrganizationCode, ct);
        if (!organization.IsSuccess)
        {
            ModelState.AddModelError("Input.OrganizationCode", organization.Error!.Message);
            return Page();
        }

        var created = await accounts.CreateAsync(Input.UserName, Input.FullName, Input.Password,
            organization.Value!.Code, role, isDemo: false, ct);
        if (!created.IsSuccess)
        {
            ModelState.AddModelError("", created.Error!.Message);
            return Page();
        }
        var user = created.Value!;
        TempData["Success"] = $"Đã tạo tài khoản {user.UserName} ({role.DisplayName()} — {organization.Value.Name}).";
        return Redirect($"/Admin/Users/Details/{user.Id}");
    }
}
