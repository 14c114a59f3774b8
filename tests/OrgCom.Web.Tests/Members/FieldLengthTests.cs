using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Tests.Members;

/// <summary>Text longer than where it is stored is refused by the form, naming the field and its limit, and changes
/// nothing; text exactly at the limit is saved. The limits are the EF model's (columns, and the declared limits of the
/// jsonb sections' fields).</summary>
public sealed class FieldLengthTests : DossierTest
{
    /// <summary>A Vietnamese text of exactly <paramref name="length"/> characters (composed), no outer spaces.</summary>
    private static string Text(int length) => string.Concat(Enumerable.Repeat("Việt Nam ", length / 9 + 1))[..length].TrimEnd().PadRight(length, 'x');

    [Fact]
    public async Task Identity_names_the_field_and_its_limit_and_takes_a_name_exactly_at_the_limit()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var tooLong = "Nguyễn Văn " + new string('a', 152);
        Assert.Equal(163, tooLong.Length);

        var errors = await RefusedAsync(id, () => SaveSectionAsync(client, id, "Identity", new() { ["FullName"] = tooLong }));
        Assert.Contains("Họ và tên khai sinh dài tối đa 150 ký tự (đã nhập 163).", errors);

        var both = await RefusedAsync(id, () => SaveSectionAsync(client, id, "Identity", new()
        {
            ["Residence"] = Text(301), ["Ethnicity"] = Text(61),
        }));
        Assert.Contains("Nơi ở hiện nay dài tối đa 300 ký tự (đã nhập 301).", both);
        Assert.Contains("Dân tộc dài tối đa 60 ký tự (đã nhập 61).", both);

        // A part of the name longer than its own place is named too.
        var longGivenName = await RefusedAsync(id, () => SaveSectionAsync(client, id, "Identity", new() { ["FullName"] = "Nguyễn Văn " + new string('a', 67) }));
        Assert.Contains("Tên trong họ và tên dài tối đa 50 ký tự (đã nhập 67).", longGivenName);

        // Exactly at the limit: a name of 150 characters whose parts fit their own places.
        var atLimit = "Ng" + new string('u', 18) + " " + string.Join(" ", Enumerable.Repeat("Thị", 20)) + " " + new string('a', 49);
        Assert.Equal(150, atLimit.Length);
        AssertSavedAndBackToDossier(await SaveSectionAsync(client, id, "Identity", new()
        {
            ["FullName"] = atLimit, ["Residence"] = Text(300), ["Ethnicity"] = Text(60),
        }), id);
        var m = await MemberAsync(id);
        Assert.Equal(atLimit, m.FullName);
        Assert.Equal(Text(300), m.Residence);
        Assert.Single(await UpdatesAsync(id));
    }

    [Fact]
    public async Task Decomposed_marks_are_counted_as_the_composed_letters_that_are_stored()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        // 60 composed letters, 120 UTF-16 units when typed with combining marks.
        var decomposed = string.Concat(Enumerable.Repeat("ệ", 60)).Normalize(System.Text.NormalizationForm.FormD);
        Assert.True(decomposed.Length > 60);
        AssertSavedAndBackToDossier(await SaveSectionAsync(client, id, "Identity", new() { ["Religion"] = decomposed }), id);
        Assert.Equal(60, (await MemberAsync(id)).Religion!.Length);
    }

    [Fact]
    public async Task Education_refuses_an_over_long_field_with_its_name()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var errors = await RefusedAsync(id, () => SaveSectionAsync(client, id, "Education", new() { ["Professional"] = new string('x', 400) }));
        Assert.Contains("Chuyên môn dài tối đa 150 ký tự (đã nhập 400).", errors);
    }

    [Fact]
    public async Task Work_history_names_the_field_and_the_row_and_takes_a_value_exactly_at_the_limit()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var errors = await RefusedAsync(id, () => SaveSectionAsync(client, id, "WorkHistory", new()
        {
            ["Rows[0].From"] = "01/2000", ["Rows[0].Position"] = "Giáo viên", ["Rows[0].Unit"] = "Trường THCS Giảng Võ",
            ["Rows[1].From"] = "01/2010", ["Rows[1].Position"] = Text(151), ["Rows[1].Unit"] = Text(1234),
        }));
        Assert.Contains("Chức vụ (dòng 2) dài tối đa 150 ký tự (đã nhập 151).", errors);
        Assert.Contains("Đơn vị công tác (dòng 2) dài tối đa 300 ký tự (đã nhập 1.234).", errors);

        AssertSavedAndBackToDossier(await SaveSectionAsync(client, id, "WorkHistory", new()
        {
            ["Rows[0].From"] = "01/2010", ["Rows[0].Position"] = Text(150), ["Rows[0].Unit"] = Text(300),
        }), id);
        var entry = Assert.Single((await MemberAsync(id)).WorkHistory);
        Assert.Equal((Text(150), Text(300)), (entry.Position, entry.Unit));
    }

    [Fact]
    public async Task Family_names_the_field_and_the_row_and_takes_a_value_exactly_at_the_limit()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var errors = await RefusedAsync(id, () => SaveSectionAsync(client, id, "Family", new()
        {
            ["Rows[0].Relation"] = "Cha", ["Rows[0].FullName"] = "Nguyễn Văn Bình " + new string('x', 140),
            ["Rows[0].Residence"] = Text(301),
        }));
        Assert.Contains("Họ và tên (dòng 1) dài tối đa 150 ký tự (đã nhập 156).", errors);
        Assert.Contains("Nơi ở (dòng 1) dài tối đa 300 ký tự (đã nhập 301).", errors);

        AssertSavedAndBackToDossier(await SaveSectionAsync(client, id, "Family", new()
        {
            ["Rows[0].Relation"] = Text(30), ["Rows[0].FullName"] = Text(150), ["Rows[0].Residence"] = Text(300),
        }), id);
        var relative = Assert.Single((await MemberAsync(id)).Family);
        Assert.Equal((Text(30), Text(150), Text(300)), (relative.Relation, relative.FullName, relative.Residence));
    }

    [Fact]
    public async Task Introducers_and_awards_refuse_over_long_fields()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var introducers = await RefusedAsync(id, () => SaveSectionAsync(client, id, "Introducers", new()
        {
            ["Rows[0].FullName"] = "Nguyễn Văn Hùng", ["Rows[0].Position"] = Text(151),
        }));
        Assert.Contains("Chức vụ (dòng 1) dài tối đa 150 ký tự (đã nhập 151).", introducers);
        var awards = await RefusedAsync(id, () => SaveSectionAsync(client, id, "Awards", new()
        {
            ["Rows[0].Date"] = "2019", ["Rows[0].Form"] = "Giấy khen", ["Rows[0].DecisionNumber"] = Text(61),
        }));
        Assert.Contains("Số quyết định (dòng 1) dài tối đa 60 ký tự (đã nhập 61).", awards);
    }

    [Fact]
    public async Task A_lifecycle_form_refuses_an_over_long_reason_and_records_one_exactly_at_the_limit()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var url = $"/Members/Lifecycle/{id}";
        var before = await RowAsync(id);
        var events = await WithDbAsync(db => db.MemberEvents.CountAsync(e => e.MemberId == id));

        var refused = await PostFormAsync(client, url + "?handler=Exempt", new()
        {
            ["Input.Date"] = "01/10/2025", ["Input.DecisionNumber"] = "15-QĐ/ĐU", ["Input.Reason"] = Text(501),
        }, url);
        Assert.Contains("Lý do dài tối đa 500 ký tự (đã nhập 501).", await ErrorsAsync(refused));
        Assert.Equal(before, await RowAsync(id));
        Assert.Equal(events, await WithDbAsync(db => db.MemberEvents.CountAsync(e => e.MemberId == id)));
        Assert.Empty(await UpdatesAsync(id));

        var accepted = await PostFormAsync(client, url + "?handler=Exempt", new()
        {
            ["Input.Date"] = "01/10/2025", ["Input.DecisionNumber"] = "15-QĐ/ĐU", ["Input.Reason"] = Text(500),
        }, url);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var exempted = await WithDbAsync(db => db.MemberEvents.SingleAsync(e => e.MemberId == id && e.Kind == MemberEventKind.Exempted));
        Assert.Equal(Text(500), exempted.Detail);
    }

    [Fact]
    public async Task A_candidate_with_an_over_long_name_is_not_registered()
    {
        var cell = await OrganizationIdAsync("X00004.CB01");
        var client = await SignInAsync("xa.badinh");
        var count = await WithDbAsync(db => db.Members.CountAsync());
        var response = await PostFormAsync(client, $"/Members/Candidates/Create/{cell}", new()
        {
            ["Input.FullName"] = "Trần Thị " + new string('b', 145), ["Input.Gender"] = "Female", ["Input.BirthDate"] = "01/02/2000",
            ["Input.Occupation"] = Text(151), ["Input.RegisteredOn"] = "01/03/2026",
        });
        var errors = await ErrorsAsync(response);
        Assert.Contains("Họ và tên khai sinh dài tối đa 150 ký tự (đã nhập 154).", errors);
        Assert.Contains("Nghề nghiệp dài tối đa 150 ký tự (đã nhập 151).", errors);
        Assert.Equal(count, await WithDbAsync(db => db.Members.CountAsync()));
    }

    [Fact]
    public async Task A_transfer_with_an_over_long_letter_number_is_not_issued_and_a_long_cancellation_reason_fits_the_audit()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var url = $"/Members/Transfers/Issue/{id}";
        var refused = await PostFormAsync(client, url, new()
        {
            ["Kind"] = "Permanent", ["ToCode"] = "X00004.CB02", ["IssuedOn"] = "01/10/2025", ["LetterNumber"] = Text(61),
        });
        Assert.Contains("Số giấy giới thiệu dài tối đa 60 ký tự (đã nhập 61).", await ErrorsAsync(refused));
        Assert.False(await WithDbAsync(db => db.Transfers.AnyAsync(t => t.MemberId == id)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, url, new()
        {
            ["Kind"] = "Permanent", ["ToCode"] = "X00004.CB02", ["IssuedOn"] = "01/10/2025", ["LetterNumber"] = "12/GGT",
        })).StatusCode);
        var transfer = await WithDbAsync(db => db.Transfers.SingleAsync(t => t.MemberId == id));

        var tooLong = await PostFormAsync(client, $"/Members/Transfers?handler=Cancel&transferId={transfer.Id}",
            new() { ["Reason"] = Text(501) }, "/Members/Transfers");
        Assert.Contains("Lý do hủy dài tối đa 500 ký tự (đã nhập 501).", await ErrorsAsync(tooLong));
        Assert.Equal(OrgCom.Core.Members.TransferStatus.InTransit,
            await WithDbAsync(db => db.Transfers.Where(t => t.Id == transfer.Id).Select(t => t.Status).SingleAsync()));

        // 500 characters fit the event; the audit line's reason quotes them and is shortened to its own column.
        var cancelled = await PostFormAsync(client, $"/Members/Transfers?handler=Cancel&transferId={transfer.Id}",
            new() { ["Reason"] = Text(500) }, "/Members/Transfers");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var line = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "transfers" && a.Action == AuditAction.Update)
            .OrderBy(a => a.Id).LastAsync());
        Assert.StartsWith("Hủy chuyển sinh hoạt đảng: Việt Nam", line.Reason);
        Assert.Equal(500, line.Reason!.Length);
        Assert.EndsWith("…", line.Reason);
    }
}
