using OrgCom.Core.Cadres;

namespace OrgCom.Core.Tests.Cadres;

public class LocalHeadsTests
{
    private static readonly ProvinceNames TuyenQuang = new("08", "Tuyên Quang", ["Tuyên Quang", "Tỉnh Hà Giang", "Tỉnh Tuyên Quang"]);
    private static readonly ProvinceNames HaNoi = new("01", "Hà Nội", ["Hà Nội", "Thành phố Hà Nội"]);

    [Theory]
    [InlineData("Bí thư Thành ủy", "Provincial", "Party", true, true)]
    [InlineData("Bí thư Tỉnh ủy", "Provincial", "Party", true, true)]
    [InlineData("Bí thư Đảng ủy phường", "Commune", "Party", true, true)]
    [InlineData("Bí thư", "Commune", "Party", true, true)]
    [InlineData("Phó Bí thư Thường trực Thành ủy", "Provincial", "Party", true, false)]
    [InlineData("Bí thư Thành ủy", "Provincial", "Party", false, false)]
    [InlineData("Bí thư Đảng ủy", "ProvincialDepartment", "Party", true, false)]
    [InlineData("Bí thư Đoàn", "Commune", "MassOrganization", true, false)]
    [InlineData("Chủ tịch", "Provincial", "State", false, false)]
    public void A_head_is_the_secretary_of_a_provincial_or_commune_committee(string name, string level, string body, bool seat, bool head) =>
        Assert.Equal(head, LocalHeads.IsHead(name, Enum.Parse<PositionLevel>(level), Enum.Parse<BodyKind>(body), seat));

    [Theory]
    [InlineData("Phường Ba Đình, Thành phố Hà Nội", "01", "Local")]
    [InlineData("xã Đông Anh, TP. Hà Nội", "01", "Local")]
    [InlineData("Hà Nội", "01", "Local")]
    [InlineData("Xã Nghi Lộc, Tỉnh Nghệ An", "01", "NotLocal")]
    [InlineData("Phường Hà Giang 1, Tỉnh Hà Giang", "08", "Local")]
    [InlineData("Xã Yên Sơn, Tuyên Quang", "08", "Local")]
    [InlineData("Xã Hà Nội, Tỉnh Nghệ An", "01", "NotLocal")]
    [InlineData("", "01", "Unknown")]
    [InlineData(null, "01", "Unknown")]
    [InlineData(" , ", "01", "Unknown")]
    public void Local_means_the_home_towns_province_is_the_organizations_or_one_merged_into_it(string? hometown, string province, string origin) =>
        Assert.Equal(origin, LocalHeads.OriginOf(hometown, province == "01" ? HaNoi : TuyenQuang).ToString());
}
