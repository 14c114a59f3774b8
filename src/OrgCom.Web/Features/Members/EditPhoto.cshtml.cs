using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Members;

/// <summary>The 3×4 photo of the personal-history form: JPEG or PNG, at most 1 MB. The request may be larger, so that
/// a photo straight from a phone gets the form's message rather than an error page.</summary>
[RequestSizeLimit(20 * Member.MaxPhotoBytes)]
public sealed class EditPhotoModel(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, ViewLog viewLog)
    : DossierEditPage(db, currentUser, audit, viewLog)
{
    [BindProperty] public IFormFile? Upload { get; set; }

    public override string SectionTitle => "Ảnh 3×4";

    public string? PhotoDataUri => Member.Photo is { Length: > 0 } photo
        ? $"data:{Member.PhotoContentType};base64,{Convert.ToBase64String(photo)}"
        : null;

    protected override object SectionValues(Member member) =>
        new { Photo = member.Photo is null ? null : Convert.ToHexString(SHA256.HashData(member.Photo)) };

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } stop)
            return stop;
        return Page();
    }

    /// <summary>The page asks "Xóa ảnh?" before removing: the removal itself is a POST from that question.</summary>
    public bool ConfirmingRemoval { get; private set; }

    public async Task<IActionResult> OnGetRemoveAsync(long id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } stop)
            return stop;
        ConfirmingRemoval = Member.Photo is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken ct)
    {
        if (await LoadForChangeAsync(id, ct) is { } stop)
            return stop;
        if (!Check(Member.RemovePhoto()))
            return Page();
        return await SaveAsync($"Cập nhật lý lịch: {SectionTitle} — xóa ảnh",
            $"Đã xóa ảnh 3×4 trong lý lịch của {Member.FullName}.", ct);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadForChangeAsync(id, ct) is { } stop)
            return stop;
        if (Upload is null)
            return Refuse("Hãy chọn tệp ảnh (JPEG hoặc PNG, tối đa 1 MB).");
        // A byte past the limit is enough for the aggregate to refuse a larger file; the rest is never read.
        var content = new byte[Math.Min(Upload.Length, Member.MaxPhotoBytes + 1)];
        await using (var stream = Upload.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        // The type is read from the file itself: a browser's declared type is only what the file name suggests.
        if (!Check(Member.SetPhoto(content, SniffImageType(content))))
            return Page();
        return await SaveAsync(ct);
    }

    private static string SniffImageType(byte[] content) => content switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        _ => "application/octet-stream",
    };
}
