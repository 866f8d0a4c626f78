/* The software catalogue: what a unit buys, receives, finds preinstalled
   and may use free of charge, and the licence counts the log needs. */
#include "gen.h"

#define MS_NAME "微软（中国）有限公司"
#define MS MS_NAME, "400-100-2066"
#define WPS "北京金山办公软件股份有限公司", "400-100-2019"
#define RX "北京瑞星网安技术股份有限公司", "400-100-2025"
#define KYLIN "麒麟软件有限公司", "400-089-1870"
#define TENCENT_NAME "深圳市腾讯计算机系统有限公司"
#define TENCENT_PHONE "0755-55501234"

/* Entries that are not bought: nothing but their identity. */
#define OEM(id, name, version, origin, vendor) \
    {id, KIND_OEM, name, version, "操作系统", origin, vendor, NULL, 0, 0, \
     NULL, NULL, 0, NULL, 0}
#define FREE(id, name, version, category, vendor, contact)                 \
    {id, KIND_FREE, name, version, category, NULL, vendor, contact, 0, 0, \
     NULL, NULL, 0, NULL, 0}

const gen_product gen_products[SW_COUNT] = {
    [SW_WPS2019A] = {"BG-WPS2019-01", KIND_COMMERCIAL, "WPS Office 2019 专业版",
                     "2019", "办公", "国内", WPS, 20210315, 580, "批量许可",
                     "2019 及以下版本", 0, "WPS19-PRO", 0},
    [SW_WPS2019B] = {"BG-WPS2019-02", KIND_COMMERCIAL, "WPS Office 2019 专业版",
                     "2019", "办公", "国内", WPS, 20220310, 560, "批量许可",
                     "2019 及以下版本", 0, "WPS19-PRO", 0},
    [SW_WPS2023] = {"BG-WPS2023-01", KIND_COMMERCIAL, "WPS Office 2023 专业版",
                    "2023", "办公", "国内", WPS, 20230418, 620, "批量许可",
                    "2023 及以下版本", 0, "WPS23-PRO", 0},
    [SW_RX2021] = {"SD-RX2021-01", KIND_COMMERCIAL, "瑞星杀毒软件网络版", "V25",
                   "杀毒", "国内", RX, 20210310, 98, "网络版许可", "V25",
                   20220630, "RX25-NET-2021", 0},
    [SW_RX2022] = {"SD-RX2022-01", KIND_COMMERCIAL, "瑞星杀毒软件网络版", "V25",
                   "杀毒", "国内", RX, 20220615, 95, "网络版许可", "V25",
                   20230630, "RX25-NET-2022", 0},
    [SW_RX2023] = {"SD-RX2023-01", KIND_COMMERCIAL, "瑞星杀毒软件网络版", "V25",
                   "杀毒", "国内", RX, 20230612, 95, "网络版许可", "V25",
                   20240630, "RX25-NET-2023", 0},
    [SW_WINSERVER] = {"XT-WS2019-01", KIND_COMMERCIAL,
                      "Windows Server 2019 标准版", "2019", "操作系统", "国外",
                      MS, 20210412, 6850, "单机许可", "2019 及以下版本", 0,
                      "WS19S", 1},
    [SW_KYLINSERVER] = {"XT-KYSV10-01", KIND_COMMERCIAL,
                        "银河麒麟高级服务器操作系统", "V10", "操作系统", "国内",
                        KYLIN, 20220815, 4800, "单机许可", "V10", 0, "KYSV10",
                        1},
    [SW_MSO2016] = {"BG-MSO2016-01", KIND_COMMERCIAL,
                    "Microsoft Office 2016 专业增强版", "2016", "办公", "国外",
                    MS, 0, 0, "单机许可", "2016", 0, "MSO16", 1},
    [SW_MSO2021] = {"BG-MSO2021-01", KIND_COMMERCIAL,
                    "Microsoft Office 2021 专业增强版", "2021", "办公", "国外",
                    MS, 20230912, 3880, "单机许可", "2021 及以下版本", 0,
                    "MSO21", 1},
    [SW_FOXITPRO] = {"QT-FOXITPDF-01", KIND_COMMERCIAL,
                     "福昕高级PDF编辑器 专业版", "V12", "其他", "国内",
                     "福建福昕软件开发股份有限公司", "400-100-6211", 20220516,
                     695, "批量许可", "V12 及以下版本", 0, "FXPDF12", 0},
    [SW_YONYOU] = {"QT-YONYOU-01", KIND_COMMERCIAL, "用友U8 财务软件", "V16",
                   "其他", "国内", "用友网络科技股份有限公司", "400-660-0588", 0,
                   0, "网络版许可", "V16", 0, "U8V16-NET", 0},
    [SW_OEM_WIN7] = OEM("OEM-WIN7PRO", "Windows 7 专业版", "SP1", "国外",
                        MS_NAME),
    [SW_OEM_WIN10_1809] = OEM("OEM-WIN10PRO-1809", "Windows 10 专业版", "1809",
                              "国外", MS_NAME),
    [SW_OEM_WIN10_20H2] = OEM("OEM-WIN10PRO-20H2", "Windows 10 专业版", "20H2",
                              "国外", MS_NAME),
    [SW_OEM_WIN10_22H2] = OEM("OEM-WIN10PRO-22H2", "Windows 10 专业版", "22H2",
                              "国外", MS_NAME),
    [SW_OEM_WIN11] = OEM("OEM-WIN11PRO", "Windows 11 专业版", "22H2", "国外",
                         MS_NAME),
    [SW_OEM_HOME] = OEM("OEM-WIN10HOME", "Windows 10 家庭中文版", "21H2",
                        "国外", MS_NAME),
    [SW_OEM_UOS] = OEM("OEM-UOS20PRO", "统信UOS 专业版", "V20", "国内",
                       "统信软件技术有限公司"),
    [SW_OEM_KYLIN] = OEM("OEM-KYLIN10", "银河麒麟桌面操作系统", "V10", "国内",
                         "麒麟软件有限公司"),
    [SW_360] = FREE("SD360AQWS0", "360安全卫士", "V13", "杀毒", "奇虎公司",
                    "400-6693-600"),
    [SW_360SD] = FREE("SD360SD000", "360杀毒", "V5.0", "杀毒", "奇虎公司",
                      "400-6693-600"),
    [SW_TENCENT] = FREE("TXGJSDRJ00", "腾讯电脑管家", "V15", "杀毒", TENCENT_NAME,
                        TENCENT_PHONE),
    [SW_FOXIT] = FREE("QT-FOXIT00", "福昕PDF阅读器", "V11", "其他",
                      "福建福昕软件开发股份有限公司", "400-100-6211"),
    [SW_SOGOU] = FREE("QT-SOGOU00", "搜狗输入法", "V11", "其他",
                      "北京搜狗科技发展有限公司", "010-55506688"),
    [SW_HAOZIP] = FREE("QT-HAOZIP00", "好压", "V6", "其他",
                       "上海二三四五网络科技有限公司", "021-55506789"),
    [SW_WXWORK] = FREE("QT-WXWORK00", "企业微信", "V3", "其他", TENCENT_NAME,
                       TENCENT_PHONE),
};

int gen_current_office(zb_date date)
{
    return date < 20220310 ? SW_WPS2019A
           : date < 20230508 ? SW_WPS2019B
                             : SW_WPS2023;
}

int gen_current_antivirus(zb_date date)
{
    return date < 20220620 ? SW_RX2021 : date < 20230619 ? SW_RX2022 : SW_RX2023;
}

int gen_current_server_os(zb_date date)
{
    return date < 20220901 ? SW_WINSERVER : SW_KYLINSERVER;
}

/* Licences as bought: one per copy for 单机许可 (one serial each), volume
   licences in tens; an entry nothing was installed from is left out. */
void gen_software(gen_ledger *l)
{
    for (int i = 0; i < SW_COUNT; i++) {
        const gen_product *p = &gen_products[i];
        gen_holding *h = &l->holding[i];
        if (p->kind != KIND_COMMERCIAL || !h->installs)
            continue;
        h->count = p->serial_each ? h->installs : (h->installs + 9) / 10 * 10;
    }
}
