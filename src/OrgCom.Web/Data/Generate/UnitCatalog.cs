namespace OrgCom.Web.Data.Generate;

/// <summary>What kind of place a chi bộ is: it shapes its members (age, sex, schooling, theory level).</summary>
internal enum CellProfile : byte
{
    /// <summary>A village (thôn, bản, ấp): every age, many retired members.</summary>
    Village,
    /// <summary>An urban residential group (tổ dân phố, khu phố): many retired cadres.</summary>
    Residential,
    School,
    Health,
    Agency,
    Enterprise,
    Army,
    Police,
}

/// <summary>
/// A kind of grassroots unit (a school, a hospital, a company, a regiment...) and how its parts are named. A unit
/// becomes a chi bộ cơ sở when it is small and a đảng bộ cơ sở with chi bộ (and sometimes đảng bộ bộ phận) when large.
/// In names, {P} is the place (commune or province), {C} a company name and {n} a number.
/// </summary>
internal sealed record UnitTemplate(string Name, CellProfile Profile, string[] Cells, bool CanBeCommittee = true, bool CanBeCell = true)
{
    public string[] SubCommittees { get; init; } = [];
}

internal static class UnitCatalog
{
    private static readonly string[] TeacherCells = ["Giáo viên {n}", "Tổ Khoa học tự nhiên", "Tổ Khoa học xã hội", "Tổ Ngoại ngữ", "Hành chính – Văn phòng"];
    private static readonly string[] HospitalCells =
        ["Khoa Khám bệnh", "Khoa Nội", "Khoa Ngoại", "Khoa Sản", "Khoa Nhi", "Khoa Hồi sức cấp cứu", "Khoa Dược", "Khoa Xét nghiệm",
         "Khoa Chẩn đoán hình ảnh", "Khoa Y học cổ truyền", "Phòng Kế hoạch tổng hợp", "Phòng Tổ chức – Hành chính", "Khoa Kiểm soát nhiễm khuẩn"];
    private static readonly string[] EnterpriseCells =
        ["Phân xưởng {n}", "Xí nghiệp {n}", "Phòng Kỹ thuật", "Phòng Kinh doanh", "Phòng Tài chính – Kế toán", "Phòng Tổ chức – Hành chính",
         "Đội Sản xuất {n}", "Chi nhánh {n}", "Nhà máy {n}"];
    private static readonly string[] AgencyCells =
        ["Văn phòng", "Phòng Tổ chức cán bộ", "Phòng Kế hoạch – Tài chính", "Phòng Tổng hợp", "Phòng Nghiệp vụ {n}", "Phòng Thanh tra",
         "Trung tâm {n}", "Phòng Pháp chế"];
    private static readonly string[] ArmyCells =
        ["Đại đội {n}", "Cơ quan Tiểu đoàn {n}", "Phòng Tham mưu", "Phòng Chính trị", "Phòng Hậu cần – Kỹ thuật", "Đại đội Thông tin", "Đại đội Công binh"];
    private static readonly string[] PoliceCells = ["Đội {n}", "Đội Tổng hợp", "Đội Điều tra", "Đội Nghiệp vụ {n}", "Tổ Công tác {n}"];

    /// <summary>Grassroots units inside a commune or ward (beside its village cells).</summary>
    public static readonly UnitTemplate[] Commune =
    [
        new("Trường Mầm non {P}", CellProfile.School, TeacherCells, CanBeCommittee: false),
        new("Trường Tiểu học {P}", CellProfile.School, TeacherCells, CanBeCommittee: false),
        new("Trường Trung học cơ sở {P}", CellProfile.School, TeacherCells),
        new("Trường Trung học phổ thông {P}", CellProfile.School, TeacherCells, CanBeCell: false),
        new("Trạm Y tế {X}", CellProfile.Health, HospitalCells, CanBeCommittee: false),
        new("Trung tâm Y tế khu vực {P}", CellProfile.Health, HospitalCells, CanBeCell: false),
        new("Cơ quan Đảng – đoàn thể {X}", CellProfile.Agency, AgencyCells, CanBeCommittee: false),
        new("Cơ quan Ủy ban nhân dân {X}", CellProfile.Agency,
            ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Phòng Kinh tế", "Phòng Văn hóa – Xã hội", "Trung tâm Phục vụ hành chính công"]),
        new("Quân sự {X}", CellProfile.Army, ["Ban Chỉ huy", "Dân quân thường trực", "Trung đội dân quân cơ động"]),
        new("Công an {X}", CellProfile.Police, ["Tổ An ninh", "Tổ Cảnh sát khu vực", "Tổ Tổng hợp", "Tổ Cảnh sát trật tự"]),
        new("Hợp tác xã Nông nghiệp {P}", CellProfile.Enterprise, EnterpriseCells, CanBeCommittee: false),
        new("Quỹ Tín dụng nhân dân {P}", CellProfile.Enterprise, EnterpriseCells, CanBeCommittee: false),
        new("Công ty Cổ phần {C}", CellProfile.Enterprise, EnterpriseCells) { SubCommittees = ["Khối Sản xuất", "Khối Văn phòng", "Nhà máy {n}"] },
        new("Công ty TNHH {C}", CellProfile.Enterprise, EnterpriseCells),
        new("Bưu điện {P}", CellProfile.Enterprise, EnterpriseCells, CanBeCommittee: false),
    ];

    /// <summary>Grassroots units of each provincial affiliate committee, by the affiliate's name.</summary>
    public static readonly (string Name, double Weight, UnitTemplate[] Units)[] ProvincialAffiliates =
    [
        ("Đảng bộ các cơ quan Đảng {T}", 0.14,
        [
            new("Văn phòng {U}", CellProfile.Agency, AgencyCells),
            new("Ban Tổ chức {U}", CellProfile.Agency, AgencyCells, CanBeCommittee: false),
            new("Ban Tuyên giáo và Dân vận {U}", CellProfile.Agency, AgencyCells, CanBeCommittee: false),
            new("Ủy ban Kiểm tra {U}", CellProfile.Agency, AgencyCells, CanBeCommittee: false),
            new("Báo và Phát thanh, Truyền hình {P}", CellProfile.Agency, ["Phòng Thời sự", "Phòng Chuyên đề", "Phòng Kỹ thuật", "Phòng Biên tập {n}"]),
            new("Trường Chính trị {P}", CellProfile.School, ["Khoa Lý luận cơ sở", "Khoa Xây dựng Đảng", "Khoa Nhà nước và pháp luật", "Phòng Quản lý đào tạo"]),
            new("Cơ quan Ủy ban Mặt trận Tổ quốc {T}", CellProfile.Agency, ["Văn phòng", "Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Cựu chiến binh", "Liên đoàn Lao động"]),
        ]),
        ("Đảng bộ Ủy ban nhân dân {T}", 0.45,
        [
            new("Sở Tài chính", CellProfile.Agency, AgencyCells),
            new("Sở Xây dựng", CellProfile.Agency, AgencyCells),
            new("Sở Nông nghiệp và Môi trường", CellProfile.Agency, AgencyCells),
            new("Sở Giáo dục và Đào tạo", CellProfile.Agency, AgencyCells),
            new("Sở Y tế", CellProfile.Agency, AgencyCells),
            new("Sở Công Thương", CellProfile.Agency, AgencyCells),
            new("Sở Nội vụ", CellProfile.Agency, AgencyCells),
            new("Sở Tư pháp", CellProfile.Agency, AgencyCells, CanBeCommittee: false),
            new("Sở Khoa học và Công nghệ", CellProfile.Agency, AgencyCells),
            new("Sở Văn hóa, Thể thao và Du lịch", CellProfile.Agency, AgencyCells),
            new("Bệnh viện Đa khoa {P}", CellProfile.Health, HospitalCells, CanBeCell: false) { SubCommittees = ["Khối Nội", "Khối Ngoại", "Khối Cận lâm sàng"] },
            new("Bệnh viện Sản – Nhi {P}", CellProfile.Health, HospitalCells, CanBeCell: false),
            new("Bệnh viện Y học cổ truyền {P}", CellProfile.Health, HospitalCells),
            new("Trung tâm Kiểm soát bệnh tật {P}", CellProfile.Health, HospitalCells),
            new("Trường Trung học phổ thông chuyên {P}", CellProfile.School, TeacherCells, CanBeCell: false),
            new("Trường Cao đẳng {P}", CellProfile.School, ["Khoa Cơ bản", "Khoa Kỹ thuật", "Khoa Kinh tế", "Phòng Đào tạo", "Giáo viên {n}"]),
            new("Trường Đại học {P}", CellProfile.School, ["Khoa {n}", "Phòng Đào tạo", "Phòng Tổ chức – Hành chính", "Viện Nghiên cứu {n}"]) { SubCommittees = ["Khối Khoa học tự nhiên", "Khối Khoa học xã hội"] },
            new("Công ty Cổ phần {C}", CellProfile.Enterprise, EnterpriseCells) { SubCommittees = ["Khối Sản xuất", "Khối Văn phòng", "Nhà máy {n}"] },
            new("Công ty TNHH Một thành viên {C}", CellProfile.Enterprise, EnterpriseCells),
            new("Ban Quản lý các khu công nghiệp {P}", CellProfile.Agency, AgencyCells),
            new("Chi nhánh Ngân hàng Nhà nước khu vực {n}", CellProfile.Agency, AgencyCells, CanBeCommittee: false),
        ]),
        ("Đảng bộ Quân sự {T}", 0.17,
        [
            new("Cơ quan Bộ Chỉ huy Quân sự {T}", CellProfile.Army, ArmyCells),
            new("Trung đoàn {n}", CellProfile.Army, ArmyCells, CanBeCell: false) { SubCommittees = ["Tiểu đoàn {n}"] },
            new("Ban Chỉ huy Phòng thủ khu vực {n}", CellProfile.Army, ArmyCells),
            new("Trường Quân sự {P}", CellProfile.Army, ArmyCells),
        ]),
        ("Đảng bộ Công an {T}", 0.18,
        [
            new("Phòng Cảnh sát hình sự", CellProfile.Police, PoliceCells),
            new("Phòng Cảnh sát giao thông", CellProfile.Police, PoliceCells),
            new("Phòng Cảnh sát cơ động", CellProfile.Police, PoliceCells),
            new("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", CellProfile.Police, PoliceCells),
            new("Phòng Cảnh sát điều tra tội phạm về ma túy", CellProfile.Police, PoliceCells),
            new("Phòng An ninh kinh tế", CellProfile.Police, PoliceCells),
            new("Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", CellProfile.Police, PoliceCells),
            new("Phòng Cảnh sát quản lý hành chính về trật tự xã hội", CellProfile.Police, PoliceCells),
            new("Trại Tạm giam", CellProfile.Police, PoliceCells),
            new("Phòng Tham mưu", CellProfile.Police, PoliceCells),
        ]),
        ("Đảng bộ Bộ đội Biên phòng {T}", 0.06,
        [
            new("Đồn Biên phòng {n}", CellProfile.Army, ArmyCells),
            new("Cơ quan Bộ Chỉ huy Bộ đội Biên phòng {T}", CellProfile.Army, ArmyCells),
            new("Hải đội Biên phòng {n}", CellProfile.Army, ArmyCells),
        ]),
    ];

    /// <summary>The central committees of the demo seed (by code): their share of the central part of the country,
    /// the affiliate committees under them (may be empty) and their grassroots units.</summary>
    public static readonly (string Code, double Weight, string[] Affiliates, UnitTemplate[] Units)[] Central =
    [
        ("QDTW", 0.44,
            ["Đảng bộ Quân khu 1", "Đảng bộ Quân khu 2", "Đảng bộ Quân khu 3", "Đảng bộ Quân khu 4", "Đảng bộ Quân khu 5", "Đảng bộ Quân khu 7",
             "Đảng bộ Quân khu 9", "Đảng bộ Bộ Tư lệnh Thủ đô Hà Nội", "Đảng bộ Quân đoàn 12", "Đảng bộ Quân đoàn 34",
             "Đảng bộ Quân chủng Hải quân", "Đảng bộ Quân chủng Phòng không – Không quân", "Đảng bộ Bộ đội Biên phòng",
             "Đảng bộ Cảnh sát biển Việt Nam", "Đảng bộ Tổng cục Chính trị", "Đảng bộ Tổng cục Hậu cần – Kỹ thuật",
             "Đảng bộ Tổng cục Công nghiệp quốc phòng", "Đảng bộ Bộ Tổng Tham mưu", "Đảng bộ Binh đoàn 11", "Đảng bộ Binh đoàn 12"],
        [
            new("Sư đoàn {n}", CellProfile.Army, ArmyCells, CanBeCell: false) { SubCommittees = ["Trung đoàn {n}", "Tiểu đoàn {n}"] },
            new("Lữ đoàn {n}", CellProfile.Army, ArmyCells, CanBeCell: false) { SubCommittees = ["Tiểu đoàn {n}"] },
            new("Trung đoàn {n}", CellProfile.Army, ArmyCells, CanBeCell: false) { SubCommittees = ["Tiểu đoàn {n}"] },
            new("Bộ Chỉ huy Quân sự {Q}", CellProfile.Army, ArmyCells),
            new("Học viện {H}", CellProfile.Army, ["Khoa {n}", "Hệ {n}", "Phòng Đào tạo", "Tiểu đoàn Học viên {n}"]),
            new("Bệnh viện Quân y {n}", CellProfile.Health, HospitalCells),
            new("Kho {n}", CellProfile.Army, ArmyCells),
            new("Công ty {C}", CellProfile.Enterprise, EnterpriseCells),
        ]),
        ("CATW", 0.26, [],
        [
            new("Cục Cảnh sát hình sự", CellProfile.Police, PoliceCells, CanBeCell: false),
            new("Cục Cảnh sát giao thông", CellProfile.Police, PoliceCells, CanBeCell: false),
            new("Cục An ninh nội địa", CellProfile.Police, PoliceCells, CanBeCell: false),
            new("Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", CellProfile.Police, PoliceCells, CanBeCell: false),
            new("Cục Cảnh sát quản lý hành chính về trật tự xã hội", CellProfile.Police, PoliceCells, CanBeCell: false),
            new("Cục Quản lý xuất nhập cảnh", CellProfile.Police, PoliceCells, CanBeCell: false),
            new("Bộ Tư lệnh Cảnh sát cơ động", CellProfile.Police, PoliceCells, CanBeCell: false) { SubCommittees = ["Trung đoàn {n}", "Tiểu đoàn {n}"] },
            new("Học viện An ninh nhân dân", CellProfile.Police, ["Khoa {n}", "Phòng Đào tạo", "Đại đội Học viên {n}"], CanBeCell: false),
            new("Học viện Cảnh sát nhân dân", CellProfile.Police, ["Khoa {n}", "Phòng Đào tạo", "Đại đội Học viên {n}"], CanBeCell: false),
            new("Bệnh viện 19-8", CellProfile.Health, HospitalCells, CanBeCell: false),
            new("Văn phòng Bộ Công an", CellProfile.Police, PoliceCells, CanBeCell: false),
            new("Trại giam số {n}", CellProfile.Police, PoliceCells),
        ]),
        ("CPTW", 0.18,
            ["Đảng bộ Bộ Tài chính", "Đảng bộ Bộ Công Thương", "Đảng bộ Bộ Xây dựng", "Đảng bộ Bộ Y tế", "Đảng bộ Bộ Giáo dục và Đào tạo",
             "Đảng bộ Bộ Nông nghiệp và Môi trường", "Đảng bộ Bộ Khoa học và Công nghệ", "Đảng bộ Bộ Văn hóa, Thể thao và Du lịch",
             "Đảng bộ Bộ Nội vụ", "Đảng bộ Bộ Tư pháp", "Đảng bộ Bộ Ngoại giao", "Đảng bộ Ngân hàng Nhà nước Việt Nam",
             "Đảng bộ Tập đoàn Điện lực Việt Nam", "Đảng bộ Tập đoàn Dầu khí Việt Nam", "Đảng bộ Tập đoàn Bưu chính Viễn thông Việt Nam",
             "Đảng bộ Tập đoàn Công nghiệp Than – Khoáng sản Việt Nam", "Đảng bộ Tổng công ty Đường sắt Việt Nam"],
        [
            new("Cục {n}", CellProfile.Agency, AgencyCells),
            new("Vụ {n}", CellProfile.Agency, AgencyCells, CanBeCommittee: false),
            new("Viện {H}", CellProfile.Agency, ["Phòng Nghiên cứu {n}", "Trung tâm {n}", "Văn phòng"]),
            new("Trường Đại học {H}", CellProfile.School, ["Khoa {n}", "Phòng Đào tạo", "Phòng Tổ chức – Hành chính"]) { SubCommittees = ["Khối Khoa học tự nhiên", "Khối Khoa học xã hội"] },
            new("Bệnh viện {H}", CellProfile.Health, HospitalCells, CanBeCell: false) { SubCommittees = ["Khối Nội", "Khối Ngoại", "Khối Cận lâm sàng"] },
            new("Tổng công ty {C}", CellProfile.Enterprise, EnterpriseCells, CanBeCell: false) { SubCommittees = ["Công ty {n}", "Nhà máy {n}"] },
            new("Công ty {C}", CellProfile.Enterprise, EnterpriseCells),
        ]),
        ("CQDTW", 0.04, [],
        [
            new("Văn phòng Trung ương Đảng", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Ban Tổ chức Trung ương", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Ban Tuyên giáo và Dân vận Trung ương", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Ủy ban Kiểm tra Trung ương", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Ban Nội chính Trung ương", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Ban Chính sách, chiến lược Trung ương", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Báo Nhân Dân", CellProfile.Agency, ["Ban Thời sự", "Ban Kinh tế", "Ban Văn hóa – Văn nghệ", "Ban Điện tử", "Phòng Trị sự"], CanBeCell: false),
            new("Tạp chí Cộng sản", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Học viện Chính trị quốc gia Hồ Chí Minh", CellProfile.School, ["Viện {n}", "Khoa {n}", "Ban Quản lý đào tạo"], CanBeCell: false),
        ]),
        ("QHTW", 0.04, [],
        [
            new("Văn phòng Quốc hội", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Kiểm toán Nhà nước", CellProfile.Agency, ["Kiểm toán Nhà nước chuyên ngành {n}", "Kiểm toán Nhà nước khu vực {n}", "Văn phòng"], CanBeCell: false),
            new("Tòa án nhân dân tối cao", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Viện Kiểm sát nhân dân tối cao", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Ban Dân nguyện", CellProfile.Agency, AgencyCells, CanBeCommittee: false),
        ]),
        ("MTTW", 0.04, [],
        [
            new("Cơ quan Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Trung ương Hội Liên hiệp Phụ nữ Việt Nam", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Tổng Liên đoàn Lao động Việt Nam", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Trung ương Hội Nông dân Việt Nam", CellProfile.Agency, AgencyCells, CanBeCell: false),
            new("Trung ương Hội Cựu chiến binh Việt Nam", CellProfile.Agency, AgencyCells, CanBeCell: false),
        ]),
    ];

    /// <summary>Words that make up company, institute and village names.</summary>
    public static readonly string[] Companies =
    [
        "May Hưng Thịnh", "Xây dựng Thành Công", "Vật liệu xây dựng Minh Phát", "Thủy sản An Phát", "Dệt may Việt Tiến", "Cơ khí Hòa Bình",
        "Thực phẩm Phú Gia", "Vận tải Hoàng Long", "Điện tử Sao Mai", "Phân bón Bình Minh", "Gỗ Trường Thành", "Cấp nước {P}",
        "Môi trường đô thị {P}", "Xi măng {P}", "Dược phẩm {P}", "Chè {P}", "Cao su {P}", "Lương thực {P}", "Thương mại {P}",
        "In {P}", "Giống cây trồng {P}", "Khoáng sản {P}", "Du lịch {P}", "Điện lực {P}", "Cà phê {P}", "Nhựa Tiền Phong", "Thép Việt Ý",
    ];

    public static readonly string[] Institutes =
    [
        "Kinh tế", "Khoa học Xã hội", "Nông nghiệp", "Kỹ thuật Quân sự", "Quốc phòng", "Chính trị", "Hậu cần", "Quân y", "Biên phòng",
        "Hải quân", "Phòng không – Không quân", "Lục quân", "Bạch Mai", "Chợ Rẫy", "Hữu nghị Việt Đức", "Nhi Trung ương", "K",
        "Bách khoa", "Sư phạm", "Xây dựng", "Giao thông vận tải", "Thủy lợi", "Luật", "Ngoại thương", "Mỏ – Địa chất", "Y Dược",
    ];

    public static readonly string[] VillageNames =
    [
        "Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "Tân", "Phú", "An", "Bình", "Hòa", "Thịnh", "Yên", "Vĩnh", "Mỹ", "Hưng",
        "Lộc", "Phúc", "Thọ", "Đồng", "Cầu", "Chợ", "Đình", "Quyết Tiến", "Tiền Phong", "Thắng Lợi", "Đoàn Kết", "Hợp Nhất", "Tân Lập",
        "Phú Cường", "An Bình", "Hòa Bình", "Tân Hưng", "Phú Thịnh", "Mỹ Lộc", "Bình Minh", "Thanh Xuân", "Đông Hòa", "Tây Sơn",
    ];

    public static readonly string[] MountainVillageNames =
    [
        "Nà Sản", "Pá Khoang", "Huổi Lóng", "Nậm Cha", "Khuổi Cuông", "Phiêng Luông", "Co Mạ", "Pác Nặm", "Nà Phìn", "Bó Mười",
        "Hua Pe", "Tà Xùa", "Lũng Cú", "Sủng Là", "Nặm Ún", "Bản Phố", "Nà Hang", "Khau Vai", "Pắc Ngòi", "Lùng Phình",
    ];

    public static readonly string[] HighlandVillageNames =
    [
        "Ea Sup", "Ko Tam", "Ea Kmát", "Plei Ốp", "Kon Rờ Bàng", "Plei Kần", "Đăk Rơ Wa", "Ia Ly", "Bon Bu Prăng", "Ea Tu", "Plei Bông",
        "Kon Klor", "Ea Bông", "Ia Grai", "Đắk Mil",
    ];
}
