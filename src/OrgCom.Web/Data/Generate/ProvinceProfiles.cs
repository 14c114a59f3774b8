namespace OrgCom.Web.Data.Generate;

/// <summary>Where in the country a province lies, which decides its ethnic mix and what its villages are called.</summary>
internal enum Region
{
    RedRiverDelta,
    NorthEast,
    NorthWest,
    MuongHills,
    NorthCentral,
    CentralCoast,
    CentralHighlandsNorth,
    CentralHighlands,
    ChamCoast,
    SouthEast,
    CaoDaiHeartland,
    Mekong,
    MekongKhmer,
    MekongHoaHao,
}

/// <summary>
/// What the generator needs to know about one of the 34 provinces: its population and how dense party membership is
/// there (more organizations and members in the north, fewer in the south), which pre-2025 provinces it absorbed
/// (their codes start the CCCD numbers of people born there) and its region.
/// </summary>
internal sealed record ProvinceProfile(string Code, double PopulationMillions, double PartyDensity, Region Region)
{
    public string Name { get; init; } = "";
    public string FullName { get; init; } = "";
    public bool IsCity { get; init; }
    public string[] OldProvinceCodes { get; init; } = [];

    /// <summary>Inland provinces have no border guard committee.</summary>
    public bool HasBorderGuard => Code is not ("01" or "19" or "24" or "25");

    /// <summary>"thành phố Hà Nội", "tỉnh Cao Bằng": how an organization's name refers to the province.</summary>
    public string InName => (IsCity ? "thành phố " : "tỉnh ") + Name;

    public string CommitteeWord => IsCity ? "Thành ủy" : "Tỉnh ủy";

    // Populations: 2024 estimates summed over the provinces merged on 1 July 2025, rounded; density: members per
    // inhabitant relative to the national average (the north and the old revolutionary bases have more).
    private static readonly ProvinceProfile[] Table =
    [
        new("01", 8.7, 1.45, Region.RedRiverDelta),
        new("04", 0.55, 1.25, Region.NorthEast),
        new("08", 1.9, 1.1, Region.NorthEast),
        new("11", 0.65, 1.0, Region.NorthWest),
        new("12", 0.49, 1.0, Region.NorthWest),
        new("14", 1.3, 1.0, Region.NorthWest),
        new("15", 1.8, 1.05, Region.NorthEast),
        new("19", 1.7, 1.25, Region.NorthEast),
        new("20", 0.8, 1.2, Region.NorthEast),
        new("22", 1.4, 1.3, Region.RedRiverDelta),
        new("24", 3.6, 1.1, Region.RedRiverDelta),
        new("25", 4.0, 1.15, Region.MuongHills),
        new("31", 4.7, 1.2, Region.RedRiverDelta),
        new("33", 3.6, 1.15, Region.RedRiverDelta),
        new("37", 4.4, 1.2, Region.RedRiverDelta),
        new("38", 4.3, 1.15, Region.NorthCentral),
        new("40", 3.8, 1.15, Region.NorthCentral),
        new("42", 1.6, 1.2, Region.NorthCentral),
        new("44", 1.9, 1.05, Region.CentralCoast),
        new("46", 1.4, 1.0, Region.CentralCoast),
        new("48", 3.1, 0.95, Region.CentralCoast),
        new("51", 2.2, 0.9, Region.CentralHighlandsNorth),
        new("52", 3.6, 0.8, Region.CentralHighlands),
        new("56", 2.2, 0.8, Region.ChamCoast),
        new("66", 3.3, 0.8, Region.CentralHighlands),
        new("68", 3.9, 0.75, Region.CentralHighlands),
        new("75", 4.5, 0.6, Region.SouthEast),
        new("79", 14.0, 0.55, Region.SouthEast),
        new("80", 3.3, 0.6, Region.CaoDaiHeartland),
        new("82", 4.4, 0.6, Region.Mekong),
        new("86", 4.3, 0.6, Region.MekongKhmer),
        new("91", 4.9, 0.55, Region.MekongHoaHao),
        new("92", 4.2, 0.6, Region.MekongKhmer),
        new("96", 2.6, 0.6, Region.MekongKhmer),
    ];

    /// <summary>The 34 provinces with names from the reference file (Data/Reference/provinces-2025.csv).</summary>
    public static ProvinceProfile[] Load()
    {
        var byCode = Table.ToDictionary(p => p.Code);
        var result = new List<ProvinceProfile>();
        foreach (var row in Seed.ReferenceData.ReadCsv("provinces-2025.csv"))
        {
            var profile = byCode.TryGetValue(row["code"], out var p) ? p : new ProvinceProfile(row["code"], 2.0, 1.0, Region.RedRiverDelta);
            result.Add(profile with
            {
                Name = row["name"],
                FullName = row["full_name"],
                IsCity = row["type"] != "Tỉnh",
                OldProvinceCodes = row["old_province_codes"].Split(';', StringSplitOptions.RemoveEmptyEntries),
            });
        }
        return result.ToArray();
    }

    public double Weight => PopulationMillions * PartyDensity;
}

/// <summary>Ethnicity and religion mixes by region (weights; they need not sum to 100).</summary>
internal static class Demography
{
    public static readonly (string Name, double Weight)[] Religions =
        [("Không", 91), ("Phật giáo", 5), ("Công giáo", 2.4), ("Tin Lành", 0.3), ("Cao Đài", 0.5), ("Phật giáo Hòa Hảo", 0.3)];

    public static (string Name, double Weight)[] ReligionsOf(Region region) => region switch
    {
        Region.CaoDaiHeartland => [("Không", 88), ("Cao Đài", 6), ("Phật giáo", 4), ("Công giáo", 2)],
        Region.MekongHoaHao => [("Không", 87), ("Phật giáo Hòa Hảo", 5), ("Phật giáo", 6), ("Công giáo", 1), ("Cao Đài", 1)],
        Region.MekongKhmer => [("Không", 86), ("Phật giáo", 12), ("Công giáo", 1.5), ("Cao Đài", 0.5)],
        Region.SouthEast => [("Không", 87), ("Phật giáo", 7), ("Công giáo", 5), ("Tin Lành", 0.5), ("Cao Đài", 0.5)],
        Region.CentralHighlands or Region.CentralHighlandsNorth => [("Không", 88), ("Phật giáo", 4), ("Công giáo", 5), ("Tin Lành", 3)],
        Region.NorthWest or Region.NorthEast => [("Không", 97), ("Phật giáo", 1.5), ("Tin Lành", 1), ("Công giáo", 0.5)],
        _ => Religions,
    };

    public static (string Name, double Weight)[] EthnicitiesOf(Region region) => region switch
    {
        Region.NorthWest => [("Thái", 38), ("Kinh", 30), ("H'Mông", 18), ("Dao", 3), ("Khơ Mú", 3), ("Mường", 3), ("Tày", 2), ("Lào", 1), ("Hà Nhì", 1), ("Giáy", 1)],
        Region.NorthEast => [("Kinh", 42), ("Tày", 25), ("Nùng", 13), ("Dao", 7), ("H'Mông", 6), ("Sán Chay", 3), ("Giáy", 1.5), ("Sán Dìu", 1.5), ("Hoa", 1)],
        Region.MuongHills => [("Kinh", 72), ("Mường", 23), ("Dao", 2), ("Thái", 1.5), ("Tày", 1), ("Sán Dìu", 0.5)],
        Region.NorthCentral => [("Kinh", 82), ("Mường", 7), ("Thái", 8), ("H'Mông", 1.5), ("Khơ Mú", 0.7), ("Thổ", 0.8)],
        Region.CentralHighlandsNorth => [("Kinh", 84), ("Hrê", 5), ("Xơ Đăng", 5), ("Ba Na", 3), ("Cor", 1.5), ("Gié Triêng", 1.5)],
        Region.CentralHighlands => [("Kinh", 78), ("Gia Rai", 6), ("Ê Đê", 5), ("Ba Na", 3), ("Cơ Ho", 2.5), ("M'Nông", 1.5), ("Tày", 1.5), ("Nùng", 1.5), ("Chăm", 0.5), ("Mạ", 0.5)],
        Region.ChamCoast => [("Kinh", 88), ("Chăm", 6), ("Raglai", 5), ("Cơ Ho", 1)],
        Region.SouthEast => [("Kinh", 90), ("Hoa", 6), ("Khmer", 1.5), ("Chăm", 0.5), ("Tày", 1), ("Nùng", 1)],
        Region.CaoDaiHeartland => [("Kinh", 97), ("Khmer", 1.5), ("Hoa", 1), ("Chăm", 0.5)],
        Region.Mekong => [("Kinh", 95), ("Hoa", 2), ("Khmer", 3)],
        Region.MekongKhmer => [("Kinh", 80), ("Khmer", 17), ("Hoa", 3)],
        Region.MekongHoaHao => [("Kinh", 89), ("Khmer", 8), ("Hoa", 2), ("Chăm", 1)],
        _ => [("Kinh", 96), ("Mường", 1), ("Tày", 0.8), ("Thái", 0.7), ("Nùng", 0.5), ("Hoa", 0.4), ("Dao", 0.3), ("Sán Dìu", 0.3)],
    };

    /// <summary>What a village is called in the region: thôn/xóm in the north, bản in the mountains, buôn/làng/plei in
    /// the Central Highlands, ấp in the south.</summary>
    public static string[] VillageWordsOf(Region region) => region switch
    {
        Region.NorthWest => ["Bản", "Bản", "Bản", "Thôn"],
        Region.NorthEast => ["Thôn", "Bản", "Xóm", "Thôn"],
        Region.MuongHills => ["Xóm", "Thôn", "Khu"],
        Region.RedRiverDelta => ["Thôn", "Thôn", "Xóm"],
        Region.NorthCentral => ["Thôn", "Xóm", "Bản"],
        Region.CentralHighlands => ["Thôn", "Buôn", "Làng", "Thôn"],
        Region.CentralHighlandsNorth => ["Thôn", "Làng", "Thôn"],
        Region.CentralCoast or Region.ChamCoast => ["Thôn", "Thôn", "Khu dân cư"],
        _ => ["Ấp", "Ấp", "Ấp", "Khóm"],
    };

    public static string UrbanWordOf(Region region) => region switch
    {
        Region.SouthEast or Region.CaoDaiHeartland or Region.Mekong or Region.MekongKhmer or Region.MekongHoaHao => "Khu phố",
        _ => "Tổ dân phố",
    };
}
