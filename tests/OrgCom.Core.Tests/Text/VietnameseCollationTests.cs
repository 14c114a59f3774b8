using System.Text;
using OrgCom.Core.Text;

namespace OrgCom.Core.Tests.Text;

// Every expected order below was checked against ICU 72 (vi-VN) on this machine and agrees with the Vietnamese
// dictionary order: letters a < ă < â < b < c < d < đ < e < ê ... o < ô < ơ ... u < ư decide first, tones only break
// ties in the order none, huyền, hỏi, ngã, sắc, nặng (so "Ánh" < "Ăn"), and letter case only breaks what remains.
public class VietnameseCollationTests
{
    [Theory]
    [InlineData("Dương", "Đặng")]
    [InlineData("Dz", "Đ")]
    [InlineData("d", "đ")]
    [InlineData("đ", "e")]
    [InlineData("a", "ă")]
    [InlineData("ă", "â")]
    [InlineData("â", "b")]
    [InlineData("e", "ê")]
    [InlineData("o", "ô")]
    [InlineData("ô", "ơ")]
    [InlineData("u", "ư")]
    [InlineData("An", "Ăn")]
    [InlineData("Ăn", "Ân")]
    [InlineData("An", "Ân")]
    [InlineData("Ân", "Ấn")]
    [InlineData("Anh", "Ánh")]
    [InlineData("Ánh", "Ăn")]
    [InlineData("Mai", "Mạnh")]
    [InlineData("ma", "Ma")]
    public void Comparer_orders_letters_as_the_vietnamese_dictionary(string before, string after)
    {
        Assert.True(VietnameseCollation.Comparer.Compare(before, after) < 0, $"{before} < {after}");
        Assert.True(VietnameseCollation.Comparer.Compare(after, before) > 0, $"{after} > {before}");
    }

    [Theory]
    [InlineData("a", "à", "ả", "ã", "á", "ạ")]
    [InlineData("ă", "ằ", "ẳ", "ẵ", "ắ", "ặ")]
    [InlineData("â", "ầ", "ẩ", "ẫ", "ấ", "ậ")]
    [InlineData("ma", "mà", "mả", "mã", "má", "mạ")]
    [InlineData("Hương", "Hường", "Hưởng", "Hưỡng", "Hướng", "Hượng")]
    public void Comparer_orders_tones_none_huyen_hoi_nga_sac_nang(params string[] expected)
    {
        var shuffled = expected.Reverse().ToArray();

        Assert.Equal(expected, shuffled.Order(VietnameseCollation.Comparer));
    }

    [Fact]
    public void Comparer_sorts_a_mixed_alphabet_in_dictionary_order()
    {
        string[] expected = ["a", "á", "ă", "ắ", "â", "ấ", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m",
            "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"];
        var shuffled = expected.OrderBy(s => s, StringComparer.Ordinal).Reverse().ToArray();

        Assert.Equal(expected, shuffled.Order(VietnameseCollation.Comparer));
    }

    [Fact]
    public void Comparer_treats_nfd_and_nfc_as_equal()
    {
        Assert.Equal(0, VietnameseCollation.Comparer.Compare(
            "Đặng".Normalize(NormalizationForm.FormC), "Đặng".Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void OrderByVietnameseName_sorts_by_given_then_middle_then_family_name()
    {
        string[] people = ["Đặng Văn An", "Dương Thị Bình", "Nguyễn Văn An", "Trần An", "Lê Thị Ánh", "Phạm Văn Anh"];

        var sorted = people.OrderByVietnameseName(PersonName.Parse).ToArray();

        Assert.Equal(
            ["Trần An", "Đặng Văn An", "Nguyễn Văn An", "Phạm Văn Anh", "Lê Thị Ánh", "Dương Thị Bình"],
            sorted);
    }

    [Theory]
    [InlineData("Dương Văn An", "Đặng Văn An")]
    [InlineData("Trần An", "Trần Văn An")]
    [InlineData("Nguyễn Thị An", "Nguyễn Văn An")]
    [InlineData("Vũ Văn An", "Ân Văn Anh")]
    [InlineData("Lê Anh", "Lê Ánh")]
    [InlineData("Hồ Thị Hương", "Hồ Thị Hường")]
    public void NameOrder_puts_the_first_name_before_the_second(string first, string second)
    {
        var x = PersonName.Parse(first);
        var y = PersonName.Parse(second);

        Assert.True(VietnameseCollation.NameOrder.Compare(x, y) < 0, $"{first} < {second}");
        Assert.True(VietnameseCollation.NameOrder.Compare(y, x) > 0, $"{second} > {first}");
    }

    [Fact]
    public void NameOrder_breaks_culture_ties_by_ordinal_so_the_order_is_total()
    {
        var nfc = PersonName.Parse("Đặng Văn An");
        var nfdKept = new PersonName("Đặng".Normalize(NormalizationForm.FormD), "Văn", "An");

        var forward = VietnameseCollation.NameOrder.Compare(nfc, nfdKept);
        var backward = VietnameseCollation.NameOrder.Compare(nfdKept, nfc);

        Assert.NotEqual(0, forward);
        Assert.Equal(-Math.Sign(forward), Math.Sign(backward));
        Assert.Equal(0, VietnameseCollation.NameOrder.Compare(nfc, PersonName.Parse("Đặng Văn An")));
    }

    [Fact]
    public void NameOrder_puts_null_first()
    {
        var name = PersonName.Parse("Nguyễn Văn An");

        Assert.True(VietnameseCollation.NameOrder.Compare(null, name) < 0);
        Assert.True(VietnameseCollation.NameOrder.Compare(name, null) > 0);
        Assert.Equal(0, VietnameseCollation.NameOrder.Compare(null, null));
    }
}
