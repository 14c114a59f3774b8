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

    public static Error BeforeLastChange(Organization organization, DateOnly last) => new("organization.date.last",
        $"{organization.Name} đã có thay đổi hiệu lực ngày {last:dd/MM/yyyy}; thay đổi mới phải có ngày hiệu lực từ ngày đó trở đi.");

    public static readonly Error MergeSourcesRequired = new("reorganization.merge.sources",
        "Chưa chọn tổ chức nào để hợp nhất, sáp nhập.");
    public static readonly Error MergeNewTargetNeedsTwo = new("reorganization.merge.two",
        "Hợp nhất thành tổ chức mới cần ít nhất hai tổ chức.");
    public static Error MergeIntoItself(Organization o) => new("reorganization.merge.self",
        $"{o.Name} vừa là tổ chức bị sáp nhập vừa là tổ chức tiếp nhận.");
    public static Error MergeIntoDescendant(Organization source, Organization target) => new("reorganization.merge.descendant",
        $"Không thể sáp nhập {source.Name} vào {target.Name} vì {target.Name} là tổ chức cấp dưới của nó.");
    public static Error MergeDissolved(Organization o) => new("reorganization.merge.dissolved",
        $"{o.Name} đã giải thể ngày {o.DissolvedOn:dd/MM/yyyy}; không thể hợp nhất, sáp nhập tổ chức đã giải thể.");
    public static Error TargetDissolved(Organization o) => new("reorganization.target.dissolved",
        $"Tổ chức tiếp nhận {o.Name} đã giải thể ngày {o.DissolvedOn:dd/MM/yyyy}.");
    public static Error MembersNeedCell(Organization target, int members) => new("reorganization.members.cell",
        $"{target.Name} là {target.Kind.DisplayName().ToLowerInvariant()}, không có đảng viên sinh hoạt trực tiếp; không thể nhận {members} đảng viên. Hãy chọn một chi bộ.");
    public static Error BeforeEstablishmentOf(Organization o, DateOnly on) => new("reorganization.date.before",
        $"Ngày hiệu lực {on:dd/MM/yyyy} trước ngày thành lập của {o.Name} ({o.EstablishedOn:dd/MM/yyyy}).");
    public static readonly Error SplitTargetsRequired = new("reorganization.split.targets",
        "Chia tách cần ít nhất hai tổ chức tiếp nhận.");
    public static Error SplitUnassigned(int children, int members) => new("reorganization.split.unassigned",
        $"Còn {children} tổ chức trực thuộc và {members} đảng viên chưa được phân về tổ chức tiếp nhận nào; mọi tổ chức trực thuộc và đảng viên phải được phân về đúng một tổ chức.");
    public static Error SplitTargetInside(Organization source, Organization target) => new("reorganization.split.inside",
        $"{target.Name} thuộc chính {source.Name}; tổ chức tiếp nhận phải nằm ngoài tổ chức bị chia tách.");
    public static Error SourceInsideSource(Organization inner, Organization outer) => new("reorganization.merge.nested",
        $"{inner.Name} là tổ chức cấp dưới của {outer.Name}; chỉ chọn các tổ chức ngang cấp để hợp nhất (tổ chức cấp dưới tự chuyển theo).");
}
