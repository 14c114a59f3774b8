using OrgCom.Core.Members;
using OrgCom.Core.Members.Rules;

namespace OrgCom.Core.Tests.Members;

public class CitizenIdTests
{
    [Theory]
    [InlineData("001085012345", null, null, "001085012345")]
    [InlineData("001085012345", Gender.Male, 1985, "001085012345")]
    [InlineData("001 185 012 345", Gender.Female, 1985, "001185012345")]
    [InlineData(" 079 200 001 234 ", Gender.Male, 2000, "079200001234")]
    [InlineData("079300001234", Gender.Female, 2000, "079300001234")]
    [InlineData("096204000001", Gender.Male, 2004, "096204000001")]
    [InlineData("038199000001", Gender.Female, 1999, "038199000001")]
    [InlineData("002400000001", Gender.Male, 2100, "002400000001")]
    [InlineData("002599000001", Gender.Female, 2199, "002599000001")]
    [InlineData("031085012345", Gender.Male, null, "031085012345")]
    [InlineData("031085012345", null, 1985, "031085012345")]
    public void Valid_numbers_are_returned_as_12_digits(string text, Gender? gender, int? birthYear, string expected)
    {
        var result = CitizenId.Validate(text, gender, birthYear);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("00108501234", "citizen_id.length", "Số CCCD phải gồm đúng 12 chữ số (đang có 11).")]
    [InlineData("0010850123456", "citizen_id.length", "Số CCCD phải gồm đúng 12 chữ số (đang có 13).")]
    [InlineData("001085", "citizen_id.length", "Số CCCD phải gồm đúng 12 chữ số (đang có 6).")]
    [InlineData("", "citizen_id.required", "Chưa nhập số CCCD.")]
    [InlineData("   ", "citizen_id.required", "Chưa nhập số CCCD.")]
    [InlineData("099085012345", "citizen_id.province", "Mã tỉnh nơi đăng ký khai sinh 099 (3 chữ số đầu của số CCCD) không hợp lệ.")]
    [InlineData("000085012345", "citizen_id.province", "Mã tỉnh nơi đăng ký khai sinh 000 (3 chữ số đầu của số CCCD) không hợp lệ.")]
    [InlineData("003085012345", "citizen_id.province", "Mã tỉnh nơi đăng ký khai sinh 003 (3 chữ số đầu của số CCCD) không hợp lệ.")]
    [InlineData("097085012345", "citizen_id.province", "Mã tỉnh nơi đăng ký khai sinh 097 (3 chữ số đầu của số CCCD) không hợp lệ.")]
    [InlineData("001685012345", "citizen_id.gender_century", "Chữ số thứ 4 của số CCCD (6) không hợp lệ: phải từ 0 đến 5 (giới tính và thế kỷ sinh từ 1900 đến 2199).")]
    [InlineData("001985012345", "citizen_id.gender_century", "Chữ số thứ 4 của số CCCD (9) không hợp lệ: phải từ 0 đến 5 (giới tính và thế kỷ sinh từ 1900 đến 2199).")]
    public void Malformed_numbers_are_refused_precisely(string text, string code, string message)
    {
        var result = CitizenId.Validate(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(message, result.Error.Message);
    }

    [Theory]
    [InlineData("00108501234A")]
    [InlineData("O01085012345")]
    [InlineData("001-085-012-345")]
    [InlineData("001085０12345")]  // a full-width digit
    public void Anything_but_digits_and_spaces_is_refused(string text)
    {
        var result = CitizenId.Validate(text);

        Assert.Equal("citizen_id.digits", result.Error!.Code);
        Assert.StartsWith("Số CCCD chỉ gồm chữ số", result.Error.Message);
    }

    [Theory]
    [InlineData("001085012345", Gender.Female, 1985, "giới tính Nam sinh năm 1900–1999", "(Nữ, sinh năm 1985)")]
    [InlineData("001085012345", Gender.Male, 2005, "giới tính Nam sinh năm 1900–1999", "(Nam, sinh năm 2005)")]
    [InlineData("001085012345", Gender.Female, null, "giới tính Nam sinh năm 1900–1999", "(Nữ)")]
    [InlineData("001385012345", null, 1985, "giới tính Nữ sinh năm 2000–2099", "(sinh năm 1985)")]
    [InlineData("001285012345", Gender.Female, 2085, "giới tính Nam sinh năm 2000–2099", "(Nữ, sinh năm 2085)")]
    public void Digit_4_must_agree_with_the_declared_gender_and_birth_year(
        string text, Gender? gender, int? birthYear, string coded, string declared)
    {
        var result = CitizenId.Validate(text, gender, birthYear);

        Assert.Equal("citizen_id.gender_century_mismatch", result.Error!.Code);
        Assert.StartsWith("Chữ số thứ 4 (", result.Error.Message);
        Assert.Contains(coded, result.Error.Message);
        Assert.Contains("không khớp với giới tính/năm sinh đã khai " + declared, result.Error.Message);
    }

    [Fact]
    public void Digits_5_and_6_must_be_the_last_two_digits_of_the_birth_year()
    {
        var result = CitizenId.Validate("001085012345", Gender.Male, 1986);

        Assert.Equal("citizen_id.birth_year", result.Error!.Code);
        Assert.Equal("Chữ số thứ 5–6 của số CCCD (85) là hai số cuối của năm sinh, không khớp với năm sinh đã khai 1986.", result.Error.Message);
    }

    [Fact]
    public void The_province_list_is_the_63_provinces_before_2025()
    {
        Assert.Equal(63, CitizenId.ProvinceCodes.Count);
        Assert.All(CitizenId.ProvinceCodes, c => Assert.Matches("^0[0-9][0-9]$", c));
        Assert.Contains("001", CitizenId.ProvinceCodes);
        Assert.Contains("096", CitizenId.ProvinceCodes);
    }
}
