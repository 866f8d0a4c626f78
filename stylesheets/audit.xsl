<?xml version="1.0" encoding="UTF-8"?>
<!--
  软件使用情况检查及考核评议表 (zhengban audit, forms/facts.xsd <audit>):
  一、检查结果, every finding of the report year with the article it breaks,
  grouped by 严重程度 and then 股室 (cells merged down each run, shown
  again on each page it crosses: the facts list them in that order), the
  articles quoted below; 二、考核评议, each
  股室's counts, score, grade and reasons, then the whole unit, the rule of
  《软件正版化考核评议制度》第九条 below and the leadership group's
  signature. Every figure and sentence comes from the facts.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:zhengban:layout:1"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:f="urn:zhengban:facts:1"
    xmlns:zb="urn:zhengban:xslt"
    exclude-result-prefixes="l f zb">

  <xsl:import href="form-common.xsl"/>

  <xsl:key name="check" match="/l:ledger/f:facts/f:audit/f:check" use="@id"/>
  <xsl:key name="level" match="/l:ledger/f:facts/f:audit/f:finding" use="@severity"/>
  <xsl:key name="level-dept" match="/l:ledger/f:facts/f:audit/f:finding"
           use="concat(@severity, '|', @dept)"/>

  <xsl:variable name="A" select="$F/f:audit"/>
  <xsl:variable name="scale" select="$A/f:scale"/>

  <!-- One grid for both tables: the workbook merges them column by column.
       检查结果: 序号 | 严重程度 | 股室 | 检查项目 (2) | 问题说明 (4) | 依据 | 台账行号
       考核评议: 序号 | 股室 (2) | 严重 | 一般 | 轻微 | 得分 | 等级 | 扣分原因 (3) -->
  <xsl:template name="columns">
    <col width="10"/><col width="16"/><col width="26"/><col width="16"/>
    <col width="16"/><col width="16"/><col width="16"/><col width="18"/>
    <col width="1*"/><col width="54"/><col width="16"/>
  </xsl:template>

  <xsl:template name="sections">
    <section>
      <xsl:call-template name="section-attributes"/>
      <xsl:call-template name="footer"/>
      <xsl:call-template name="heading"/>
      <xsl:call-template name="unit-fields"/>
      <xsl:call-template name="scope"/>
      <space height="2"/>
      <p style="group">一、检查结果</p>
      <table style="cell-s" header-rows="1">
        <xsl:call-template name="columns"/>
        <row height="8">
          <cell style="head-s">序号</cell>
          <cell style="head-s">严重程度</cell>
          <cell style="head-s">股室</cell>
          <cell style="head-s" colspan="2">检查项目</cell>
          <cell style="head-s" colspan="4">问题说明</cell>
          <cell style="head-s">依据</cell>
          <cell style="head-s">台账行号</cell>
        </row>
        <xsl:choose>
          <xsl:when test="$is-blank">
            <xsl:call-template name="blank-findings">
              <xsl:with-param name="count" select="5"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="$A/f:finding">
            <xsl:apply-templates select="$A/f:finding"/>
          </xsl:when>
          <xsl:otherwise>
            <row height="8"><cell colspan="11">未发现问题</cell></row>
          </xsl:otherwise>
        </xsl:choose>
      </table>
      <xsl:if test="not($is-blank)">
        <xsl:call-template name="articles"/>
      </xsl:if>
      <space height="3"/>
      <p style="group">二、考核评议</p>
      <table style="cell-s" header-rows="1">
        <xsl:call-template name="columns"/>
        <row height="10">
          <cell style="head-s">序号</cell>
          <cell style="head-s" colspan="2">股室</cell>
          <cell style="head-s">严重问题<br/>（个）</cell>
          <cell style="head-s">一般问题<br/>（个）</cell>
          <cell style="head-s">轻微问题<br/>（个）</cell>
          <cell style="head-s">得分</cell>
          <cell style="head-s">等级</cell>
          <cell style="head-s" colspan="3">扣分原因</cell>
        </row>
        <xsl:choose>
          <xsl:when test="$is-blank">
            <xsl:call-template name="blank-ratings">
              <xsl:with-param name="count" select="6"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="$A/f:rating"/>
            <xsl:call-template name="rating">
              <xsl:with-param name="n" select="''"/>
              <xsl:with-param name="name" select="'全单位'"/>
              <xsl:with-param name="rating" select="$A"/>
              <xsl:with-param name="reasons" select="$A/f:check[@findings > 0]"/>
              <xsl:with-param name="style" select="'head-s'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </table>
      <xsl:call-template name="rule-note"/>
      <signature style="fields" label="软件正版化工作领导小组组长（签字）：" gap="8"/>
    </section>
  </xsl:template>

  <!-- 检查范围 and 发现问题: the report year up to the as-of date. -->
  <xsl:template name="scope">
    <fields style="fields">
      <xsl:call-template name="field">
        <xsl:with-param name="label" select="'检查范围：'"/>
        <xsl:with-param name="node" select="$L/@asOf"/>
        <xsl:with-param name="empty" select="concat($date-frame, '至', $date-frame)"/>
        <xsl:with-param name="text">
          <xsl:call-template name="cn-date">
            <xsl:with-param name="date" select="concat($L/@year, '-01-01')"/>
          </xsl:call-template>
          <xsl:text>至</xsl:text>
          <xsl:call-template name="cn-date">
            <xsl:with-param name="date" select="$L/@asOf"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="label" select="'发现问题：'"/>
        <xsl:with-param name="empty" select="'　　个（严重　　个，一般　　个，轻微　　个）'"/>
        <xsl:with-param name="text"
            select="concat($A/@findings, ' 个（严重 ', $A/@serious, ' 个，一般 ',
                           $A/@general, ' 个，轻微 ', $A/@minor, ' 个）')"/>
      </xsl:call-template>
    </fields>
  </xsl:template>

  <!-- ======================================================== 检查结果 -->

  <!-- A finding; the first of a run of one 严重程度 (and of one 股室
       within it) spans the run. -->
  <xsl:template match="f:finding">
    <xsl:variable name="before" select="preceding-sibling::f:finding[1]"/>
    <row height="8">
      <cell type="integer"><xsl:value-of select="position()"/></cell>
      <xsl:if test="not($before/@severity = @severity)">
        <cell style="head-s" rowspan="{count(key('level', @severity))}"
              keep-together="false">
          <xsl:value-of select="@severity"/>
        </cell>
      </xsl:if>
      <xsl:if test="not($before/@severity = @severity) or
                    not(string($before/@dept) = string(@dept))">
        <cell rowspan="{count(key('level-dept', concat(@severity, '|', @dept)))}"
              keep-together="false">
          <xsl:choose>
            <xsl:when test="@dept"><xsl:value-of select="zb:ref('departments', @dept)/@name"/></xsl:when>
            <xsl:otherwise>未指明部门</xsl:otherwise>
          </xsl:choose>
        </cell>
      </xsl:if>
      <cell colspan="2"><xsl:value-of select="key('check', @check)/@name"/></cell>
      <cell colspan="4" style="left-s" src="{$source}:{@line} 问题说明">
        <xsl:value-of select="@message"/>
      </cell>
      <cell><xsl:value-of select="@article"/></cell>
      <cell type="integer"><xsl:value-of select="@line"/></cell>
    </row>
  </xsl:template>

  <!-- The words of each article broken, once each, in the order of the
       checks. -->
  <xsl:template name="articles">
    <xsl:variable name="broken" select="$A/f:check[@findings > 0]"/>
    <xsl:for-each select="$broken[not(@article = preceding-sibling::f:check[@findings > 0]/@article)]">
      <p style="note">
        <xsl:if test="position() = 1">依据条款原文：</xsl:if>
        <xsl:value-of select="concat(@article, '：“', @quote, '”')"/>
      </p>
    </xsl:for-each>
  </xsl:template>

  <!-- ======================================================== 考核评议 -->

  <xsl:template match="f:rating">
    <xsl:call-template name="rating">
      <xsl:with-param name="n" select="position()"/>
      <xsl:with-param name="name" select="zb:ref('departments', @dept)/@name"/>
      <xsl:with-param name="rating" select="."/>
      <xsl:with-param name="reasons" select="f:reason"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A row of 考核评议: RATING's counts, score and grade; REASONS are
       f:reason or f:check elements (the checks' names, findings and
       points). -->
  <xsl:template name="rating">
    <xsl:param name="n"/>
    <xsl:param name="name"/>
    <xsl:param name="rating"/>
    <xsl:param name="reasons"/>
    <xsl:param name="style" select="'cell-s'"/>
    <row height="7">
      <xsl:choose>
        <xsl:when test="string($n)">
          <cell type="integer"><xsl:value-of select="$n"/></cell>
          <cell colspan="2"><xsl:value-of select="$name"/></cell>
        </xsl:when>
        <xsl:otherwise>
          <cell colspan="3" style="{$style}"><xsl:value-of select="$name"/></cell>
        </xsl:otherwise>
      </xsl:choose>
      <cell type="integer"><xsl:value-of select="$rating/@serious"/></cell>
      <cell type="integer"><xsl:value-of select="$rating/@general"/></cell>
      <cell type="integer"><xsl:value-of select="$rating/@minor"/></cell>
      <cell type="integer"><xsl:value-of select="$rating/@score"/></cell>
      <cell style="{$style}"><xsl:value-of select="$rating/@grade"/></cell>
      <cell colspan="3" style="left-s">
        <xsl:for-each select="$reasons">
          <xsl:if test="position() > 1">；</xsl:if>
          <xsl:value-of select="concat(key('check', (@check | self::f:check/@id)[1])/@name,
                                       ' ', @findings, ' 个，扣 ', @deduction, ' 分')"/>
        </xsl:for-each>
      </cell>
    </row>
  </xsl:template>

  <!-- The rule the grades follow, in the facts' figures. -->
  <xsl:template name="rule-note">
    <p style="note">
      <xsl:text>评议办法（《软件正版化考核评议制度》第九条）：每个股室以 100 分为基础，</xsl:text>
      <xsl:choose>
        <xsl:when test="$scale">
          <xsl:value-of select="concat('严重问题每个扣 ', $scale/@serious, ' 分，一般问题每个扣 ',
              $scale/@general, ' 分，轻微问题每个扣 ', $scale/@minor, ' 分，最低 0 分；',
              $scale/@excellent, ' 分及以上为优秀，', $scale/@pass, ' 分及以上为合格，',
              $scale/@basic, ' 分及以上为基本合格，', $scale/@basic, ' 分以下为不合格。')"/>
        </xsl:when>
        <xsl:otherwise>按问题的严重程度扣分，按得分评定等级。</xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <!-- ====================================================== blank forms -->

  <xsl:template name="blank-findings">
    <xsl:param name="count"/>
    <xsl:param name="i" select="1"/>
    <xsl:if test="$i &lt;= $count">
      <row height="8">
        <cell type="integer"><xsl:value-of select="$i"/></cell>
        <cell/><cell/><cell colspan="2"/><cell colspan="4"/><cell/><cell/>
      </row>
      <xsl:call-template name="blank-findings">
        <xsl:with-param name="count" select="$count"/>
        <xsl:with-param name="i" select="$i + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="blank-ratings">
    <xsl:param name="count"/>
    <xsl:param name="i" select="1"/>
    <xsl:if test="$i &lt;= $count">
      <row height="7">
        <cell type="integer"><xsl:value-of select="$i"/></cell>
        <cell colspan="2"/><cell/><cell/><cell/><cell/><cell/><cell colspan="3"/>
      </row>
      <xsl:call-template name="blank-ratings">
        <xsl:with-param name="count" select="$count"/>
        <xsl:with-param name="i" select="$i + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
