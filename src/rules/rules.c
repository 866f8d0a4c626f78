#include "rules.h"

#include <string.h>

#include "../core/buf.h"
#include "checks.h"

#define TZ "《软件台账管理规定》"
#define AZ "《软件安装维护管理规定》"

static const zb_rule ledger_rules[] = {
    /* forms/ledger.xsd: structure, types, keys and references */
    {"schema", DIAG_ERROR, NULL, NULL,
     "台账须符合台账模式 forms/ledger.xsd：元素、属性、数据类型与取值。", NULL},
    {"schema-version", DIAG_ERROR, NULL, NULL,
     "台账须是本程序读取的台账模式版本：根元素 <ledger>，命名空间 "
     LEDGER_NAMESPACE "。", NULL},
    {"key-dept", DIAG_ERROR, NULL, NULL, "部门标识不得重复。", NULL},
    {"key-staff", DIAG_ERROR, NULL, NULL, "工作人员标识不得重复。", NULL},
    {"key-computer", DIAG_ERROR, NULL, NULL,
     "计算机编号不得重复，一台计算机一个编号。", NULL},
    {"key-request", DIAG_ERROR, NULL, NULL,
     "软件安装维护申请表的编号不得重复。", NULL},
    {"key-confirmation", DIAG_ERROR, NULL, NULL,
     "软件安装维护确认单的编号不得重复。", NULL},
    {"key-deployment", DIAG_ERROR, NULL, NULL, "统一部署的编号不得重复。",
     NULL},
    {"key-document", DIAG_ERROR, NULL, NULL, "公文标识不得重复。", NULL},
    {"ref-dept", DIAG_ERROR, NULL, NULL, "所引用的部门须在部门清单中登记。",
     NULL},
    {"ref-staff", DIAG_ERROR, NULL, NULL,
     "所引用的人员须在工作人员名单中登记。", NULL},
    {"ref-computer", DIAG_ERROR, NULL, NULL,
     "所引用的计算机须在计算机清单中登记。", NULL},
    {"ref-software", DIAG_ERROR, TZ "三.2",
     "根据《软件使用情况汇总表》中的软件编号"
     "建立相应软件的《软件安装维护情况明细表》。",
     "安装、卸载、申请、部署和采购的软件须在软件清单（附件7）中有软件编号。",
     NULL},
    {"ref-request", DIAG_ERROR, AZ "一.2",
     "工作人员因个人工作需要，要求安装或卸载软件的，"
     "要填写《软件安装维护申请表》（附件10），经审核同意后，"
     "由信息化部门安排相关人员负责软件安装或卸载工作。",
     "安装维护记录所依据的申请表须已登记。", NULL},
    {"ref-deployment", DIAG_ERROR, AZ "一.3",
     "单位统一部署的软件安装或卸载工作，"
     "工作人员无须填写《软件安装维护申请表》。",
     "安装维护记录所依据的统一部署须已登记。", NULL},
    {"ref-confirmation", DIAG_ERROR, AZ "一.4",
     "填写《软件安装维护确认单》（附件11），"
     "要求计算机使用人签字确认软件安装或卸载情况。",
     "安装维护记录所填的确认单须已登记。", NULL},
    /* 软件台账管理规定 */
    {"tz-1.2", DIAG_ERROR, TZ "一.2",
     "软件名称或软件版本不同的商业软件，使用不同的软件编号。",
     "两个商业软件不能共用一个软件编号。", NULL},
    {"tz-1.3", DIAG_ERROR, TZ "一.3",
     "软件名称及软件版本相同的商业软件，采购时间、采购金额、许可类型、"
     "许可数量、可使用版本、许可期限、序列号等任一不相同的，"
     "使用不同的软件编号。",
     "名称、版本和采购信息全都相同的商业软件是同一批，只用一个软件编号。",
     check_commercial_numbers},
    {"tz-1.4", DIAG_ERROR, TZ "一.4",
     "通过受赠、调剂等方式获得的商业软件，不填写采购时间、采购金额。",
     "受赠、调剂所得的商业软件不填写采购时间和金额。", NULL},
    {"tz-1.5", DIAG_ERROR, TZ "一.5",
     "软件名称或软件版本不同的OEM软件，使用不同的软件编号。",
     "随机预装软件不共用编号；名称和版本相同的只用一个编号，"
     "其下登记所随的全部计算机。",
     check_oem_numbers},
    {"tz-1.6", DIAG_ERROR, TZ "一.6",
     "OEM软件，不填写采购时间、采购金额、许可类型、许可数量、可使用版本、"
     "许可期限、序列号等信息。",
     "随机预装软件不填写采购、许可和序列号。", NULL},
    {"tz-1.7", DIAG_ERROR, TZ "一.7",
     "软件名称不同的免费软件，使用不同的软件编号。",
     "两个免费软件不能共用一个软件编号。", NULL},
    {"tz-1.8", DIAG_ERROR, TZ "一.8",
     "软件名称相同、软件版本不同的免费软件，使用相同的软件编号。",
     "同名的免费软件（不计空格和大小写）只用一个软件编号。",
     check_free_numbers},
    {"tz-1.9", DIAG_ERROR, TZ "一.9",
     "免费软件，不填写软件版本、采购时间、采购金额、许可类型、许可数量、"
     "可使用版本、许可期限、序列号等信息。",
     "免费软件不填写版本、采购、许可和序列号。", NULL},
    {"tz-1.13", DIAG_WARNING, TZ "一.13",
     "根据《软件安装维护情况明细表》中登记的软件安装和卸载情况，"
     "至少每半年更新《软件使用情况汇总表》一次。",
     "最近一次台账更新不能早于填表日期前六个月。", check_revisions},
    {"tz-3.5", DIAG_ERROR, TZ "三.5",
     "在计算机办公设备中更新升级商业软件时，"
     "更新升级前软件和升级后软件对应的《软件安装维护情况明细表》，"
     "分别登记升级前软件的卸载情况和升级后软件的安装情况。",
     "依据升级申请或升级部署的记录须成对：同一天、"
     "同一台计算机上卸载原软件并安装新软件。",
     check_upgrade_pairs},
    /* 软件正版化工作责任制度 */
    {"zr-1", DIAG_ERROR, "《软件正版化工作责任制度》一（一）",
     "1.单位主要领导担任软件正版化工作领导小组组长。"
     "2.单位分管领导担任软件正版化工作领导小组副组长。3.信息化、办公厅（室）、"
     "人事、财务、资产管理等部门主要负责人为领导小组成员。",
     "领导小组有且只有一名组长、至少一名副组长，"
     "成员都是本单位工作人员且只登记一次。",
     check_leadership},
    /* 软件安装维护管理规定 */
    {"az-1.2", DIAG_ERROR, AZ "一.1、一.2",
     "1.工作人员不得私自在计算机上安装或卸载软件。2.工作人员因个人工作需要，"
     "要求安装或卸载软件的，要填写《软件安装维护申请表》（附件10），"
     "经审核同意后，由信息化部门安排相关人员负责软件安装或卸载工作。",
     "每条安装维护记录注明一个依据：审核同意的申请表、统一部署，"
     "或如实标注的私自安装卸载；依据申请表的，须是同一台计算机、"
     "同一软件和事项，且不早于审核同意。",
     check_requests},
    {"az-1.3", DIAG_ERROR, AZ "一.3",
     "单位统一部署的软件安装或卸载工作，"
     "工作人员无须填写《软件安装维护申请表》。"
     "信息化部门将统一部署软件安装或卸载工作通知相关部门，"
     "并安排相关人员负责软件安装或卸载具体工作。",
     "依据统一部署的记录须在部署之内：部署包括该软件和事项，"
     "已通知该计算机所在部门，且不早于通知日期。",
     check_deployments},
    {"az-1.4", DIAG_ERROR, AZ "一.4",
     "信息化部门相关人员安装或卸载软件后，要完成以下工作：（1）"
     "填写《软件安装维护确认单》（附件11），"
     "要求计算机使用人签字确认软件安装或卸载情况。（2）"
     "填写《软件安装维护情况明细表》（附件9），登记软件安装或卸载情况。",
     "确认单与安装维护记录对应：每张确认单都有记录注明它，"
     "记录与确认单是同一台计算机，且不晚于确认单日期。",
     check_confirmations},
    {"az-2", DIAG_ERROR, AZ "二.1、二.2",
     "1.工作人员不得私自升级计算机上已安装的商业软件。"
     "2.工作人员因个人工作需要，要求升级计算机上已安装的商业软件，"
     "要填写《软件安装维护申请表》。",
     "依据升级申请的记录须是审核同意的该计算机的升级，卸载的是原软件、"
     "安装的是新软件，且不早于审核同意。",
     check_upgrade_requests},
    /* the event log */
    {"log-order", DIAG_ERROR, TZ "三.4",
     "在计算机办公设备中安装或卸载软件后，"
     "更新相应软件的《软件安装维护情况明细表》。",
     "卸载的软件须是此前在该计算机上登记安装（或随机预装）的。",
     check_log_order},
    {"log-double", DIAG_ERROR, TZ "三.4",
     "在计算机办公设备中安装或卸载软件后，"
     "更新相应软件的《软件安装维护情况明细表》。",
     "已安装（或随机预装）的软件须先登记卸载，才能再登记安装。",
     check_log_double},
    {"log-acquired", DIAG_ERROR, TZ "一.11",
     "新增、处置计算机办公设备后，更新《软件使用情况汇总表》。",
     "计算机购置之前不能有安装维护记录。", check_log_acquired},
    {"log-disposed", DIAG_ERROR, TZ "一.11",
     "新增、处置计算机办公设备后，更新《软件使用情况汇总表》。",
     "计算机报废之后不能有安装维护记录。", check_log_disposed},
    {"log-asof", DIAG_ERROR, NULL, NULL,
     "台账截至填表日期：安装维护记录不能晚于填表日期。", check_log_as_of},
    {"log-sw-disposed", DIAG_ERROR, "《软件配置管理规定》二.7",
     "单位采购的软件，因以下情况申请报废的，需经过信息化部门鉴定，"
     "严格履行资产处置报批手续。",
     "已报废的软件从报废之日起不能再安装。", check_log_software_disposed},
    {"ref-serial", DIAG_ERROR, "《软件正版化考核评议制度》第五条",
     "计算机使用人员应当确保软件序列号对应安装在计算机上，"
     "软件序列号不得借给他人使用，不得擅自卸载正版软件，"
     "不得自行安装使用非正版软件。",
     "安装记录所用的序列号须是该商业软件登记的序列号之一。", check_serials},
    {"form-number", DIAG_ERROR, NULL, NULL,
     "两张表不能使用同一附件编号：未在 <numbering> 登记的表用默认编号"
     "（指南的附件1至附件11，检查及考核评议表为附件12）。",
     check_form_numbers},
    /* 党政机关公文 */
    {"gw-signer", DIAG_ERROR, "《党政机关公文处理工作条例》第九条（四）",
     "签发人。上行文应当标注签发人姓名。", "上行文须填写签发人。",
     check_signer},
    {"gw-topic", DIAG_ERROR, NULL, NULL,
     "公文正文中带 topic 的部分须是该种公文由程序生成的部分（总结报告："
     "responsibility、procurement、usage、inspection、training、plan；"
     "检查通报：findings、ratings），写在正文第一层，每个部分只写一次；"
     "不带 topic 的部分须有标题。",
     check_topics},
};

const zb_rule *rules_ledger(size_t *count)
{
    *count = sizeof ledger_rules / sizeof *ledger_rules;
    return ledger_rules;
}

const zb_rule *rules_find(const char *id)
{
    for (size_t i = 0; i < sizeof ledger_rules / sizeof *ledger_rules; i++)
        if (!strcmp(ledger_rules[i].id, id))
            return &ledger_rules[i];
    return NULL;
}

zb_status rules_run(const zb_rule *table, size_t count, zb_rule_ctx *ctx)
{
    for (size_t i = 0; i < count; i++) {
        if (!table[i].check)
            continue;
        zb_status st = table[i].check(ctx, &table[i]);
        if (st != ZB_OK)
            return st;
    }
    return ZB_OK;
}

static zb_status add(zb_diags *diags, const zb_source *src, const zb_rule *rule,
                     const char *id, long line, int col, const char *message)
{
    zb_severity severity = rule ? rule->severity : DIAG_ERROR;
    const char *file = src ? src->name : NULL;
    if (rule && rule->article)
        return diags_add(diags, file, line, col, severity, id, "%s（%s）",
                         message, rule->article);
    return diags_add(diags, file, line, col, severity, id, "%s", message);
}

zb_status rules_add(zb_diags *diags, const zb_source *src, const char *id,
                    long line, int col, const char *message)
{
    return add(diags, src, rules_find(id), id, line, col, message);
}

zb_status rules_report(zb_rule_ctx *ctx, const zb_rule *rule, long line,
                       const char *elem, const char *attr, const char *fmt, ...)
{
    int col;
    source_locate(ctx->source, &line, &col, elem, attr);
    zb_buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    zb_status st = msg.failed ? ZB_ERR_NOMEM
                              : add(ctx->diags, ctx->source, rule, rule->id,
                                    line, col, buf_str(&msg));
    buf_free(&msg);
    return st;
}
