<?xml version="1.0" encoding="UTF-8"?>
<!--
  各单位软件正版化工作情况表: the county roll-up's table of units
  (zhengban aggregate). One row per unit, as its submission bundle's facts
  give it - people, computers, this year's purchases and the licences held
  (the 总计 of its 附件5), its audit's grade and findings - and a 合计 row
  with the county's sums (src/county/rollup.h). Units that sent no audit
  leave those two cells empty.
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
      <xsl:call-template name="section-attributes">
        <xsl:with-param name="text" select="$title"/>
      </xsl:call-template>
      <xsl:call-template name="footer"/>
      <p style="title"><xsl:value-of select="concat($L/@year, '年度', $title)"/></p>
      <xsl:call-template name="unit-fields"/>
      <table style="cell" header-rows="2">
        <col width="10"/><col width="2*"/><col width="32"/><col width="1*"/>
        <col width="1*"/><col width="1*"/><col width="1*"/><col width="1*"/>
        <col width="1*"/><col width="1*"/><col width="1*"/>
        <row height="10">
          <cell rowspan="2" style="head">序号</cell>
          <cell rowspan="2" style="head">单位名称</cell>
          <cell rowspan="2" style="head">填表日期</cell>
          <cell colspan="2" style="head">人员情况</cell>
          <cell rowspan="2" style="head">计算机<br/>台数</cell>
          <cell colspan="2" style="head">本年度采购<br/>（操作系统、办公、杀毒）</cell>
          <cell rowspan="2" style="head">累计拥有<br/>许可数（个）</cell>
          <cell colspan="2" style="head">年度检查</cell>
        </row>
        <row height="12">
          <cell style="head">总人数</cell>
          <cell style="head">使用计算机<br/>人数</cell>
          <cell style="head">许可数<br/>（个）</cell>
          <cell style="head">金额<br/>（万元）</cell>
          <cell style="head">考核<br/>等级</cell>
          <cell style="head">问题<br/>个数</cell>
        </row>
        <xsl:apply-templates select="$F/f:units/f:unit"/>
        <xsl:call-template name="totals"/>
      </table>
      <space height="2"/>
      <p style="note">注：本年度采购与累计拥有许可数为各单位附件5 的“总计”（合计行）；金额合计由各单位金额之和（精确到分）折算为万元。汇总的报送包：<xsl:for-each select="$F/f:units/f:unit">
          <xsl:if test="position() > 1">、</xsl:if>
          <xsl:value-of select="@bundle"/>
        </xsl:for-each>。</p>
    </section>
  </xsl:template>

  <xsl:template match="f:unit">
    <xsl:variable name="s" select="f:statistics"/>
    <xsl:variable name="n" select="position()"/>
    <xsl:variable name="bought"
        select="$s/f:purchases/f:row[@origin = '合计']/f:cell[@category = '总计']"/>
    <xsl:variable name="held"
        select="$s/f:holdings/f:row[@origin = '合计']/f:cell[@category = '总计']"/>
    <row height="9">
      <cell type="integer"><xsl:value-of select="$n"/></cell>
      <cell style="left"><xsl:value-of select="@name"/></cell>
      <cell><xsl:call-template name="cn-date">
        <xsl:with-param name="date" select="@asOf"/>
      </xsl:call-template></cell>
      <cell type="integer" id="people-{$n}"><xsl:value-of select="$s/f:people/@total"/></cell>
      <cell type="integer" id="users-{$n}"><xsl:value-of select="$s/f:people/@computerUsers"/></cell>
      <cell type="integer" id="pcs-{$n}"><xsl:value-of select="$s/f:computers/@total"/></cell>
      <cell type="integer" id="bought-{$n}"><xsl:value-of select="$bought/@licenses"/></cell>
      <cell type="money"><xsl:value-of select="$bought/@wanyuan"/></cell>
      <cell type="integer" id="held-{$n}"><xsl:value-of select="$held/@licenses"/></cell>
      <cell><xsl:value-of select="f:audit/@grade"/></cell>
      <cell type="integer" id="findings-{$n}"><xsl:value-of select="f:audit/@findings"/></cell>
    </row>
  </xsl:template>

  <!-- IDS: "PREFIX-1 PREFIX-2 …", one per unit. -->
  <xsl:template name="ids">
    <xsl:param name="prefix"/>
    <xsl:for-each select="$F/f:units/f:unit">
      <xsl:if test="position() > 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="concat($prefix, '-', position())"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="total">
    <xsl:param name="prefix"/>
    <xsl:param name="value"/>
    <cell type="integer" style="head">
      <xsl:attribute name="sum">
        <xsl:call-template name="ids">
          <xsl:with-param name="prefix" select="$prefix"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:value-of select="$value"/>
    </cell>
  </xsl:template>

  <xsl:template name="totals">
    <xsl:variable name="bought"
        select="$S/f:purchases/f:row[@origin = '合计']/f:cell[@category = '总计']"/>
    <xsl:variable name="held"
        select="$S/f:holdings/f:row[@origin = '合计']/f:cell[@category = '总计']"/>
    <row height="9">
      <cell colspan="3" style="head">合计（<xsl:value-of select="count($F/f:units/f:unit)"/> 个单位）</cell>
      <xsl:call-template name="total">
        <xsl:with-param name="prefix" select="'people'"/>
        <xsl:with-param name="value" select="$S/f:people/@total"/>
      </xsl:call-template>
      <xsl:call-template name="total">
        <xsl:with-param name="prefix" select="'users'"/>
        <xsl:with-param name="value" select="$S/f:people/@computerUsers"/>
      </xsl:call-template>
      <xsl:call-template name="total">
        <xsl:with-param name="prefix" select="'pcs'"/>
        <xsl:with-param name="value" select="$S/f:computers/@total"/>
      </xsl:call-template>
      <xsl:call-template name="total">
        <xsl:with-param name="prefix" select="'bought'"/>
        <xsl:with-param name="value" select="$bought/@licenses"/>
      </xsl:call-template>
      <cell type="money" style="head"><xsl:value-of select="$bought/@wanyuan"/></cell>
      <xsl:call-template name="total">
        <xsl:with-param name="prefix" select="'held'"/>
        <xsl:with-param name="value" select="$held/@licenses"/>
      </xsl:call-template>
      <cell style="head"/>
      <xsl:call-template name="total">
        <xsl:with-param name="prefix" select="'findings'"/>
        <xsl:with-param name="value" select="$F/f:units/@findings"/>
      </xsl:call-template>
    </row>
  </xsl:template>

</xsl:stylesheet>
