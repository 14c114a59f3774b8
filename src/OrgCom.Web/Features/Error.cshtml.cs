using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OrgCom.Web.Features;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Đã có lỗi xảy ra";
    public string Message { get; private set; } = "Hệ thống gặp sự cố; thao tác chưa được thực hiện. Hãy thử lại sau.";

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        var code = (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Response.StatusCode >= 400) ? HttpContext.Response.StatusCode : (int?)null;
        (Title, Message) = code switch
        {
            404 => ("Không tìm thấy", "Trang hoặc dữ liệu bạn tìm không có, hoặc nằm ngoài phạm vi tổ chức bạn được giao."),
            403 => ("Không có quyền", "Bạn không có quyền truy cập dữ liệu này."),
            400 => ("Yêu cầu không hợp lệ", "Yêu cầu không hợp lệ hoặc phiên làm việc đã hết hạn; hãy tải lại trang."),
            _ => (Title, Message),
        };
    }
}
