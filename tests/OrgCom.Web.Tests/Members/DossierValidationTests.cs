using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;

namespace OrgCom.Web.Tests.Members;

/// <summary>Bad input in each section: the form comes back with a clear Vietnamese message and the member's row is
/// exactly as it was, with no audit line of a change.</summary>
public sealed class DossierValidationTests : DossierTest
{
    [Fact]
    public async Task An_impossible_birth_date_is_refused()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var errors = await RefusedAsync(id, () => SaveSectionAsync(client, id, "Identity", new() { ["BirthDate"] = "31/02/1980", ["BirthYearOnly"] = null }));
        Assert.Contains("Ngày sinh \"31/02/1980\" không phải ngày hợp lệ", errors);
    }

    [Fact]
    public async Task A_birth_date_in_the_future_is_refused_with_the_aggregates_message()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var errors = await RefusedAsync(id, () => SaveSectionAsync(client, id, "Identity", new() { ["BirthDate"] = "01/01/2150", ["BirthYearOnly"] = null }));
        Assert.Contains(MemberErrors.BirthInFuture.Message, errors);
    }

    [Fact]
    public async Task A_citizen_id_of_eleven_digits_is_refused()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var errors = await RefusedAsync(id, () => SaveSectionAsync(client, id, "Identity", new() { ["CitizenId"] = "00108001234" }));
        Assert.Contains("Số CCCD phải gồm đúng 12 chữ số (đang có 11 ký tự", errors);
    }

    [Fact]
    public async Task A_citizen_id_of_a_member_in_another_province_is_refused_without_naming_that_member()
    {
        var hcm = await HcmMemberAsync();
        var (hcmName, hcmOrganization) = await WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == hcm);
            var identity = member.Identity with { CitizenId = "079085001234" };
            Assert.True(member.UpdateIdentity(identity, new DateOnly(2026, 1, 1)).IsSuccess);
            await db.SaveChangesAsync();
            var organization = await db.Organizations.Where(o => o.Id == member.OrganizationId).Select(o => o.Name).SingleAsync();
            return (member.FullName, organization);
        });

        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var before = await RowAsync(id);
        var response = await SaveSectionAsync(client, id, "Identity", new() { ["CitizenId"] = "079 085 001 234" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(MemberErrors.CitizenIdTaken("079085001234").Message, await ErrorsAsync(response));
        Assert.DoesNotContain(hcmName, html);
        Assert.DoesNotContain(hcmOrganization, html);
        Assert.DoesNotContain("Hồ Chí Minh", html);
        Assert.Equal(before, await RowAsync(id));
        Assert.Empty(await UpdatesAsync(id));
    }

    [Fact]
    public async Task A_party_card_number_already_issued_to_another_member_is_refused()
    {
        var other = await HanoiMemberAsync(skip: 1);
        await WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == other);
            Assert.True(member.SetPartyCardNumber("0987654321").IsSuccess);
            return await db.SaveChangesAsync();
        });
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var errors = await RefusedAsync(id, () => SaveSectionAsync(client, id, "PartyCard", new() { ["PartyCardNumber"] = "0987654321" }));
        Assert.Contains(MemberErrors.PartyCardTaken("0987654321").Message, errors);
    }

    [Fact]
    public async Task A_party_card_number_with_letters_is_refused()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var errors = await RefusedAsync(id, () => SaveSectionAsync(client, id, "PartyCard", new() { ["PartyCardNumber"] = "AB12345" }));
        Assert.Contains("phải gồm 6 đến 20 chữ số", errors);
    }

    [Fact]
    public async Task A_work_period_ending_before_it_starts_is_refused()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var errors = await RefusedAsync(id, () => SaveSectionAsync(client, id, "WorkHistory", new()
        {
            ["Rows[0].From"] = "05/2015", ["Rows[0].To"] = "03/2010", ["Rows[0].Position"] = "Kế toán", ["Rows[0].Unit"] = "UBND phường",
        }));
        Assert.Contains("Thời gian công tác từ 05/2015 đến 03/2010 không hợp lệ.", errors);
    }

    [Fact]
    public async Task A_work_month_that_is_not_a_month_is_refused()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var errors = await RefusedAsync(id, () => SaveSectionAsync(client, id, "WorkHistory", new()
        {
            ["Rows[0].From"] = "13/2015", ["Rows[0].Position"] = "Kế toán",
        }));
        Assert.Contains("\"13/2015\" không đúng dạng tháng/năm", errors);
    }

    [Fact]
    public async Task A_relative_without_a_name_is_refused()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var errors = await RefusedAsync(id, () => SaveSectionAsync(client, id, "Family", new()
        {
            ["Rows[0].Relation"] = "Mẹ", ["Rows[0].FullName"] = "", ["Rows[0].BirthYear"] = "1955",
        }));
        Assert.Contains(MemberErrors.RelativeIncomplete.Message, errors);
    }

    [Fact]
    public async Task A_relatives_birth_year_that_is_not_a_year_is_refused()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var errors = await RefusedAsync(id, () => SaveSectionAsync(client, id, "Family", new()
        {
            ["Rows[0].Relation"] = "Cha", ["Rows[0].FullName"] = "Lê Văn Tám", ["Rows[0].BirthYear"] = "19x5",
        }));
        Assert.Contains("Năm sinh \"19x5\" của Lê Văn Tám phải gồm 4 chữ số", errors);
    }

    [Fact]
    public async Task An_award_without_its_form_is_refused()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var errors = await RefusedAsync(id, () => SaveSectionAsync(client, id, "Awards", new()
        {
            ["Rows[0].Date"] = "2019", ["Rows[0].DecisionNumber"] = "12-QĐ/ĐU",
        }));
        Assert.Contains(MemberErrors.AwardIncomplete.Message, errors);
    }

    [Fact]
    public async Task A_photo_over_one_megabyte_is_refused()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var big = new byte[Member.MaxPhotoBytes + 1];
        TinyPng.CopyTo(big, 0);
        var errors = await RefusedAsync(id, () => UploadPhotoAsync(client, id, big, "image/png", "anh-lon.png"));
        Assert.Contains(MemberErrors.PhotoSize.Message, errors);
    }

    [Fact]
    public async Task A_photo_of_several_megabytes_gets_the_same_message_not_an_error_page()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var big = new byte[6 * Member.MaxPhotoBytes];
        TinyPng.CopyTo(big, 0);
        var errors = await RefusedAsync(id, () => UploadPhotoAsync(client, id, big, "image/png", "anh-dien-thoai.png"));
        Assert.Contains(MemberErrors.PhotoSize.Message, errors);
    }

    [Fact]
    public async Task A_file_that_is_not_a_jpeg_or_png_is_refused_whatever_type_the_browser_declares()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"u8.ToArray();
        var errors = await RefusedAsync(id, () => UploadPhotoAsync(client, id, gif, "image/png", "anh.png"));
        Assert.Contains(MemberErrors.PhotoType.Message, errors);
    }
}
