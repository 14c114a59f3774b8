using System.Text;
using OrgCom.Core.Text;

namespace OrgCom.Core.Tests.Text;

public class VietnameseTextTests
{
    private static readonly (string Vowel, char Base)[] Vowels =
    [
        ("a", 'a'), ("ă", 'a'), ("â", 'a'), ("e", 'e'), ("ê", 'e'), ("i", 'i'),
        ("o", 'o'), ("ô", 'o'), ("ơ", 'o'), ("u", 'u'), ("ư", 'u'), ("y", 'y'),
    ];

    // No mark, huyền, hỏi, ngã, sắc, nặng.
    private static readonly string[] Tones = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];

    public static TheoryData<string, string> EveryVowelWithEveryTone()
    {
        var data = new TheoryData<string, string>();
        foreach (var (vowel, baseLetter) in Vowels)
        {
            foreach (var tone in Tones)
            {
                var lower = (vowel + tone).Normalize(NormalizationForm.FormC);
                data.Add(lower, baseLetter.ToString());
                data.Add(lower.ToUpperInvariant(), baseLetter.ToString());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryVowelWithEveryTone))]
    public void Fold_maps_every_vowel_and_tone_to_its_base_letter(string letter, string expected)
    {
        Assert.Equal(1, letter.Length);
        Assert.Equal(expected, VietnameseText.Fold(letter));
    }

    [Fact]
    public void Vowel_table_covers_twelve_vowels_six_tone_forms_in_both_cases()
    {
        Assert.Equal(12 * 6 * 2, EveryVowelWithEveryTone().Count());
    }

    [Theory]
    [InlineData("Đ", "d")]
    [InlineData("đ", "d")]
    [InlineData("Ð", "d")]
    [InlineData("ð", "d")]
    [InlineData("Đặng", "dang")]
    [InlineData("ĐỖ ĐỨC ĐẠT", "do duc dat")]
    public void Fold_maps_d_with_stroke_to_d(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Theory]
    [InlineData("Nguyễn Văn Đặng", "nguyen van dang")]
    [InlineData("Trần Thị Thu Hương", "tran thi thu huong")]
    [InlineData("LÊ THỊ ÁNH", "le thi anh")]
    [InlineData("  Phạm\u00A0\u00A0Văn\tAnh \n", "pham van anh")]
    [InlineData("Ngô Bảo Châu 2024", "ngo bao chau 2024")]
    [InlineData("", "")]
    [InlineData(" \t\u00A0", "")]
    [InlineData(null, "")]
    public void Fold_removes_accents_collapses_whitespace_and_lower_cases(string? input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Theory]
    [InlineData("Nguyễn Văn Đặng")]
    [InlineData("Trần Thị Thu Hương")]
    [InlineData("Ưng Hoàng Phúc")]
    [InlineData("Quách Ngọc Ngoan")]
    public void Fold_gives_the_same_result_for_nfd_and_nfc_input(string name)
    {
        var nfc = name.Normalize(NormalizationForm.FormC);
        var nfd = name.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc, nfd);
        Assert.Equal(VietnameseText.Fold(nfc), VietnameseText.Fold(nfd));
    }

    [Theory]
    [InlineData("Nguyễn Văn An", "Nguyễn Văn An")]
    [InlineData("  Nguyễn   Văn  An  ", "Nguyễn Văn An")]
    [InlineData("Nguyễn\tVăn\r\nAn", "Nguyễn Văn An")]
    [InlineData("Nguyễn\u00A0Văn\u202FAn", "Nguyễn Văn An")]
    [InlineData("\u3000Nguyễn \t \u00A0 An\u3000", "Nguyễn An")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Normalize_trims_and_collapses_every_kind_of_whitespace(string? input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Normalize(input));
    }

    [Theory]
    [InlineData("Nguyễn Văn Đặng")]
    [InlineData("Trần Thị Thu Hương")]
    public void Normalize_composes_nfd_input_to_nfc(string name)
    {
        var nfc = name.Normalize(NormalizationForm.FormC);
        Assert.Equal(nfc, VietnameseText.Normalize(name.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("nguyễn văn AN", "Nguyễn Văn An")]
    [InlineData("NGUYỄN VĂN ĐẶNG", "Nguyễn Văn Đặng")]
    [InlineData("đặng thị ánh", "Đặng Thị Ánh")]
    [InlineData("  ưng   ÂU\tơn ", "Ưng Âu Ơn")]
    [InlineData("lê", "Lê")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void TitleCase_capitalizes_each_syllable(string? input, string expected)
    {
        Assert.Equal(expected, VietnameseText.TitleCase(input));
    }

    [Fact]
    public void TitleCase_returns_nfc()
    {
        var nfd = "nguyễn văn đặng".Normalize(NormalizationForm.FormD);
        Assert.Equal("Nguyễn Văn Đặng".Normalize(NormalizationForm.FormC), VietnameseText.TitleCase(nfd));
    }
}
