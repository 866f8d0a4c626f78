<?xml version="1.0" encoding="UTF-8"?>
<!--
  附件5 软件正版化工作信息统计表: the five parts of the reference in one
  table on a grid of nine columns (软件属性 and eight figures), so that
  every part lines up. Every figure is a derived fact (f:statistics).
  Licence counts carry their totals as SUM formulas in the workbook; amounts
  in 万元 do not, since each total is rounded from its exact sum in 分 and
  may differ from the sum of the rounded parts. Other software and
  home-edition OEM copies, which the form does not count, are noted below.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:zhengban:layout:1"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:f="urn:zhengban:facts:1"
    xmlns:zb="urn:zhengban:xslt"
    exclude-result-prefixes="l f zb">

  <xsl:import href="form-common.xsl"/>

  <xsl:variable name="S" select="$F/f:statistics"/>

  <xsl:template name="sections">
    <section>
      <xsl:call-template name="section-attributes"/>
      <xsl:call-template name="heading"/>
      <xsl:call-template name="unit-fields"/>
      <table style="cell">
        <col width="16"/><col/><col/><col/><col/><col/><col/><col/><col/>
        <xsl:call-template name="responsible"/>
        <xsl:call-template name="people"/>
        <xsl:call-template name="computers"/>
        <xsl:call-template name="purchases"/>
        <xsl:call-template name="holdings"/>
      </table>
      <xsl:if test="not($is-blank)">
        <xsl:call-template name="notes"/>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="part">
    <xsl:param name="text"/>
    <row height="9">
      <cell colspan="9" style="group"><xsl:value-of select="$text"/></cell>
    </row>
  </xsl:template>

  <!-- A figure, centred: an integer, or 万元 with two decimals. -->
  <xsl:template name="figure">
    <xsl:param name="value"/>
    <xsl:param name="type" select="'integer'"/>
    <xsl:param name="colspan" select="1"/>
    <xsl:param name="id"/>
    <xsl:param name="sum"/>
    <cell type="{$type}">
      <xsl:if test="$colspan != 1">
        <xsl:attribute name="colspan"><xsl:value-of select="$colspan"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$id"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:if test="$sum"><xsl:attribute name="sum"><xsl:value-of select="$sum"/></xsl:attribute></xsl:if>
      <xsl:if test="not($is-blank)"><xsl:value-of select="$value"/></xsl:if>
    </cell>
  </xsl:template>

  <!-- ====================================================== 一、二、三 -->

  <xsl:template name="responsible">
    <xsl:variable name="r" select="$S/f:responsible"/>
    <xsl:call-template name="part">
      <xsl:with-param name="text" select="'一、负责软件正版化工作部门情况'"/>
    </xsl:call-template>
    <row height="9">
      <cell colspan="3" style="head">部门名称</cell>
      <cell colspan="2" style="head">部门负责人姓名</cell>
      <cell colspan="2" style="head">部门负责人电话</cell>
      <cell colspan="2" style="head">部门传真</cell>
    </row>
    <row height="9">
      <cell colspan="3"><xsl:value-of select="$r/@name"/></cell>
      <cell colspan="2"><xsl:value-of select="$r/@head"/></cell>
      <cell colspan="2"><xsl:value-of select="$r/@phone"/></cell>
      <cell colspan="2"><xsl:value-of select="$r/@fax"/></cell>
    </row>
  </xsl:template>

  <xsl:template name="people">
    <xsl:call-template name="part">
      <xsl:with-param name="text" select="'二、人员情况'"/>
    </xsl:call-template>
    <row height="9">
      <cell colspan="5" style="head">总人数</cell>
      <cell colspan="4" style="head">使用计算机人数</cell>
    </row>
    <row height="9">
      <xsl:call-template name="figure">
        <xsl:with-param name="value" select="$S/f:people/@total"/>
        <xsl:with-param name="colspan" select="5"/>
      </xsl:call-template>
      <xsl:call-template name="figure">
        <xsl:with-param name="value" select="$S/f:people/@computerUsers"/>
        <xsl:with-param name="colspan" select="4"/>
      </xsl:call-template>
    </row>
  </xsl:template>

  <xsl:template name="computers">
    <xsl:variable name="c" select="$S/f:computers"/>
    <xsl:call-template name="part">
      <xsl:with-param name="text" select="'三、计算机情况'"/>
    </xsl:call-template>
    <row height="9">
      <cell colspan="3" style="head">服务器数</cell>
      <cell colspan="2" style="head">台式机数</cell>
      <cell colspan="2" style="head">便携机数</cell>
      <cell colspan="2" style="head">合计</cell>
    </row>
    <row height="9">
      <xsl:call-template name="figure">
        <xsl:with-param name="value" select="$c/@servers"/>
        <xsl:with-param name="colspan" select="3"/>
        <xsl:with-param name="id" select="'pc-server'"/>
      </xsl:call-template>
      <xsl:call-template name="figure">
        <xsl:with-param name="value" select="$c/@desktops"/>
        <xsl:with-param name="colspan" select="2"/>
        <xsl:with-param name="id" select="'pc-desktop'"/>
      </xsl:call-template>
      <xsl:call-template name="figure">
        <xsl:with-param name="value" select="$c/@laptops"/>
        <xsl:with-param name="colspan" select="2"/>
        <xsl:with-param name="id" select="'pc-laptop'"/>
      </xsl:call-template>
      <xsl:call-template name="figure">
        <xsl:with-param name="value" select="$c/@total"/>
        <xsl:with-param name="colspan" select="2"/>
        <xsl:with-param name="sum" select="'pc-server pc-desktop pc-laptop'"/>
      </xsl:call-template>
    </row>
  </xsl:template>

  <!-- ============================================================ 四 -->

  <xsl:template name="purchases">
    <xsl:call-template name="part">
      <xsl:with-param name="text" select="'四、本年度软件采购情况'"/>
    </xsl:call-template>
    <row height="12">
      <cell rowspan="2" style="head">软件<br/>属性</cell>
      <cell colspan="2" style="head">操作系统软件<br/>(不含预装操作系统)</cell>
      <cell colspan="2" style="head">办公软件</cell>
      <cell colspan="2" style="head">杀毒软件</cell>
      <cell colspan="2" style="head">总计</cell>
    </row>
    <row height="12">
      <cell style="head">许可数<br/>（个）</cell><cell style="head">金额<br/>（万元）</cell>
      <cell style="head">许可数<br/>（个）</cell><cell style="head">金额<br/>（万元）</cell>
      <cell style="head">许可数<br/>（个）</cell><cell style="head">金额<br/>（万元）</cell>
      <cell style="head">许可数<br/>（个）</cell><cell style="head">金额<br/>（万元）</cell>
    </row>
    <xsl:call-template name="purchase-row">
      <xsl:with-param name="origin" select="'国内'"/>
      <xsl:with-param name="r" select="1"/>
    </xsl:call-template>
    <xsl:call-template name="purchase-row">
      <xsl:with-param name="origin" select="'国外'"/>
      <xsl:with-param name="r" select="2"/>
    </xsl:call-template>
    <xsl:call-template name="purchase-row">
      <xsl:with-param name="origin" select="'合计'"/>
      <xsl:with-param name="r" select="3"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="purchase-row">
    <xsl:param name="origin"/>
    <xsl:param name="r"/>
    <xsl:variable name="row" select="$S/f:purchases/f:row[@origin = $origin]"/>
    <row height="9">
      <cell><xsl:value-of select="$origin"/></cell>
      <xsl:call-template name="purchase-cell">
        <xsl:with-param name="cell" select="$row/f:cell[@category = '操作系统']"/>
        <xsl:with-param name="r" select="$r"/><xsl:with-param name="c" select="1"/>
      </xsl:call-template>
      <xsl:call-template name="purchase-cell">
        <xsl:with-param name="cell" select="$row/f:cell[@category = '办公']"/>
        <xsl:with-param name="r" select="$r"/><xsl:with-param name="c" select="2"/>
      </xsl:call-template>
      <xsl:call-template name="purchase-cell">
        <xsl:with-param name="cell" select="$row/f:cell[@category = '杀毒']"/>
        <xsl:with-param name="r" select="$r"/><xsl:with-param name="c" select="3"/>
      </xsl:call-template>
      <xsl:call-template name="purchase-cell">
        <xsl:with-param name="cell" select="$row/f:cell[@category = '总计']"/>
        <xsl:with-param name="r" select="$r"/><xsl:with-param name="c" select="4"/>
      </xsl:call-template>
    </row>
  </xsl:template>

  <!-- 许可数 and 金额 of CELL in row R (3: 合计) and column C (4: 总计). -->
  <xsl:template name="purchase-cell">
    <xsl:param name="cell"/>
    <xsl:param name="r"/>
    <xsl:param name="c"/>
    <xsl:call-template name="figure">
      <xsl:with-param name="value" select="$cell/@licenses"/>
      <xsl:with-param name="id" select="concat('buy-', $r, '-', $c)"/>
      <xsl:with-param name="sum">
        <xsl:call-template name="total-of">
          <xsl:with-param name="prefix" select="'buy-'"/>
          <xsl:with-param name="r" select="$r"/>
          <xsl:with-param name="c" select="$c"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="figure">
      <xsl:with-param name="value" select="$cell/@wanyuan"/>
      <xsl:with-param name="type" select="'money'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The ids the total at row R, column C adds up: 国内 + 国外 in row 3
       (合计), the three categories in column 4 (总计), none elsewhere. -->
  <xsl:template name="total-of">
    <xsl:param name="prefix"/>
    <xsl:param name="r"/>
    <xsl:param name="c"/>
    <xsl:choose>
      <xsl:when test="$r = 3">
        <xsl:value-of select="concat($prefix, '1-', $c, ' ', $prefix, '2-', $c)"/>
      </xsl:when>
      <xsl:when test="$c = 4">
        <xsl:value-of select="concat($prefix, $r, '-1 ', $prefix, $r, '-2 ',
                                     $prefix, $r, '-3')"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ 五 -->

  <xsl:template name="holdings">
    <xsl:call-template name="part">
      <xsl:with-param name="text" select="'五、迄今累计拥有软件许可情况'"/>
    </xsl:call-template>
    <row height="16">
      <cell style="head">软件<br/>属性</cell>
      <cell colspan="2" style="head">操作系统软件<br/>(含预装操作系统)<br/>许可数（个）</cell>
      <cell colspan="2" style="head">办公软件<br/>许可数（个）</cell>
      <cell colspan="2" style="head">杀毒软件<br/>许可数（个）</cell>
      <cell colspan="2" style="head">总计</cell>
    </row>
    <xsl:call-template name="holding-row">
      <xsl:with-param name="origin" select="'国内'"/>
      <xsl:with-param name="r" select="1"/>
    </xsl:call-template>
    <xsl:call-template name="holding-row">
      <xsl:with-param name="origin" select="'国外'"/>
      <xsl:with-param name="r" select="2"/>
    </xsl:call-template>
    <xsl:call-template name="holding-row">
      <xsl:with-param name="origin" select="'合计'"/>
      <xsl:with-param name="r" select="3"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="holding-row">
    <xsl:param name="origin"/>
    <xsl:param name="r"/>
    <xsl:variable name="row" select="$S/f:holdings/f:row[@origin = $origin]"/>
    <row height="9">
      <cell><xsl:value-of select="$origin"/></cell>
      <xsl:call-template name="holding-cell">
        <xsl:with-param name="cell" select="$row/f:cell[@category = '操作系统']"/>
        <xsl:with-param name="r" select="$r"/><xsl:with-param name="c" select="1"/>
      </xsl:call-template>
      <xsl:call-template name="holding-cell">
        <xsl:with-param name="cell" select="$row/f:cell[@category = '办公']"/>
        <xsl:with-param name="r" select="$r"/><xsl:with-param name="c" select="2"/>
      </xsl:call-template>
      <xsl:call-template name="holding-cell">
        <xsl:with-param name="cell" select="$row/f:cell[@category = '杀毒']"/>
        <xsl:with-param name="r" select="$r"/><xsl:with-param name="c" select="3"/>
      </xsl:call-template>
      <xsl:call-template name="holding-cell">
        <xsl:with-param name="cell" select="$row/f:cell[@category = '总计']"/>
        <xsl:with-param name="r" select="$r"/><xsl:with-param name="c" select="4"/>
      </xsl:call-template>
    </row>
  </xsl:template>

  <xsl:template name="holding-cell">
    <xsl:param name="cell"/>
    <xsl:param name="r"/>
    <xsl:param name="c"/>
    <xsl:call-template name="figure">
      <xsl:with-param name="value" select="$cell/@licenses"/>
      <xsl:with-param name="colspan" select="2"/>
      <xsl:with-param name="id" select="concat('held-', $r, '-', $c)"/>
      <xsl:with-param name="sum">
        <xsl:call-template name="total-of">
          <xsl:with-param name="prefix" select="'held-'"/>
          <xsl:with-param name="r" select="$r"/>
          <xsl:with-param name="c" select="$c"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ========================================================= notes -->

  <!-- What the form leaves out: other software (bought and held) and
       home editions of OEM software. -->
  <xsl:template name="notes">
    <xsl:variable name="bought" select="$S/f:purchases/f:other"/>
    <xsl:variable name="held" select="$S/f:holdings/f:other"/>
    <xsl:variable name="home" select="$S/f:holdings/f:homeEdition"/>
    <xsl:if test="$bought[@origin = '合计']/@licenses != 0
                  or $held[@origin = '合计']/@licenses != 0 or $home">
      <space height="2"/>
      <p style="note">注：</p>
    </xsl:if>
    <xsl:if test="$bought[@origin = '合计']/@licenses != 0">
      <p style="note">
        <xsl:text>本年度另采购其他软件（不计入总计）：国内 </xsl:text>
        <xsl:value-of select="concat($bought[@origin = '国内']/@licenses, ' 个、',
            $bought[@origin = '国内']/@wanyuan, ' 万元；国外 ',
            $bought[@origin = '国外']/@licenses, ' 个、',
            $bought[@origin = '国外']/@wanyuan, ' 万元。')"/>
      </p>
    </xsl:if>
    <xsl:if test="$held[@origin = '合计']/@licenses != 0">
      <p style="note">
        <xsl:value-of select="concat('另拥有其他软件许可（不计入总计）：国内 ',
            $held[@origin = '国内']/@licenses, ' 个；国外 ',
            $held[@origin = '国外']/@licenses, ' 个。')"/>
      </p>
    </xsl:if>
    <xsl:if test="$home">
      <p style="note">
        <xsl:text>以下计算机随机预装的是家庭版操作系统，不能作为单位的正版软件许可，未计入累计拥有：</xsl:text>
        <xsl:for-each select="$home">
          <xsl:if test="position() > 1">、</xsl:if>
          <xsl:value-of select="concat(@computer, '（', zb:ref('software', @software)/@name, '）')"/>
        </xsl:for-each>
        <xsl:text>。</xsl:text>
      </p>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
