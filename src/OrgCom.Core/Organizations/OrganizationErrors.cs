using OrgCom.Core.Common;

namespace OrgCom.Core.Organizations;

public static class OrganizationErrors
{
    public static readonly Error CodeRequired = new("organization.code.required", "Chưa nhập mã tổ chức.");
    public static Error CodeFormat(string code) => new("organization.code.format",
        $"Mã tổ chức \"{code}\" chỉ được gồm chữ cái không dấu, chữ số và các dấu . - _ (tối đa {Organization.MaxCodeLength} ký tự).");
    public static Error CodeTaken(string code) => new("organization.code.taken",
        $"Mã \"{code}\" đã được dùng cho một tổ chức khác (kể cả tổ chức đã giải thể); mã tổ chức không được dùng lại.");
    public static readonly Error NameRequired = new("organization.name.required", "Chưa nhập tên tổ chức.");
    public static readonly Error NameTooLong = new("organization.name.length",
        $"Tên tổ chức dài quá {Organization.MaxNameLength} ký tự.");
    public static readonly Error SameName = new("organization.name.same", "Tên mới trùng với tên hiện tại.");
    public static readonly Error ParentRequired = new("organization.parent.required",
        "Chỉ Trung ương không có tổ chức cấp trên; hãy chọn tổ chức cấp trên.");
    public static readonly Error DecisionRequired = new("organization.decision.required",
        "Chưa nhập số quyết định làm căn cứ.");
    public static readonly Error CannotDissolveRoot = new("organization.dissolve.root", "Không thể giải thể Trung ương.");

    public static Error ParentDissolved(Organization parent) => new("organization.parent.dissolved",
        $"{parent.Name} đã giải thể ngày {parent.DissolvedOn:dd/MM/yyyy}; không thể đặt tổ chức trực thuộc vào đó.");

    public static Error KindNotAllowedUnder(OrganizationKind kind, OrganizationKind parentKind) => new(
        "organization.kind.parent",
        $"{kind.DisplayName()} không thể trực thuộc {parentKind.DisplayName().ToLowerInvariant()}.");

    public static Error EstablishedBeforeParent(Organization parent) => new("organization.date.parent",
        $"Ngày hiệu lực trước ngày thành lập của {parent.Name} ({parent.EstablishedOn:dd/MM/yyyy}).");

    public static Error BeforeEstablishment(Organization organization) => new("organization.date.before",
        $"Ngày hiệu lực trước ngày thành lập của {organization.Name} ({organization.EstablishedOn:dd/MM/yyyy}).");

    public static Error AlreadyDissolved(Organization organization) => new("organization.dissolved",
        $"{organization.Name} đã giải thể ngày {organization.DissolvedOn:dd/MM/yyyy}; không thể thay đổi.");

    public static Error Cycle(Organization organization, Organization newParent) => new("organization.move.cycle",
        $"Không thể chuyển {organization.Name} vào {newParent.Name} vì {newParent.Name} là chính nó hoặc là tổ chức cấp dưới của nó.");

    public static Error SameParent(Organization parent) => new("organization.move.same",
        $"Tổ chức đã trực thuộc {parent.Name}.");

    public static Error NotEmpty(int children, int members) => new("organization.dissolve.not_empty",
        $"Không thể giải thể khi còn {children} tổ chức trực thuộc và {members} đảng viên đang sinh hoạt; hãy chuyển họ đi trước.");
}
