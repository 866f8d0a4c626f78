<?xml version="1.0" encoding="UTF-8"?>
<!--
  附件8 软件使用情况明细表: a row per staff member × computer × software
  installed on the as-of date (the derived installations, already in form
  order: department, user, computer, software). 部门, 姓名 and the
  computer's cells are merged down their rows; a computer without a user
  comes under its department with 姓名 empty. 软件类型 is three check
  columns under one merged header.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:zhengban:layout:1"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:f="urn:zhengban:facts:1"
    xmlns:zb="urn:zhengban:xslt"
    exclude-result-prefixes="l f zb">

  <xsl:import href="form-common.xsl"/>

  <!-- The rows of a department, of a person in it, of a computer: each
       run is consecutive in the form's order, so its length is a count.
       A page may break inside a department or a person (their names then
       show on each page), never inside a computer's rows. -->
  <xsl:key name="by-dept" match="/l:ledger/f:facts/f:installations/f:installation" use="@dept"/>
  <xsl:key name="by-user" match="/l:ledger/f:facts/f:installations/f:installation"
           use="concat(@dept, ' ', @staff)"/>
  <xsl:key name="by-computer" match="/l:ledger/f:facts/f:installations/f:installation"
           use="@computer"/>

  <xsl:template name="sections">
    <section>
      <xsl:call-template name="section-attributes"/>
      <xsl:call-template name="footer"/>
      <xsl:call-template name="heading"/>
      <xsl:call-template name="unit-fields"/>
      <table style="cell-s" header-rows="2">
        <col width="11" type="integer"/><col width="22"/><col width="16"/>
        <col width="26"/><col width="26"/><col width="30"/><col width="1*"/>
        <col width="16"/><col width="19"/><col width="15" type="check"/>
        <col width="15" type="check"/><col width="15" type="check"/>
        <col width="19" type="date" date-format="iso"/>
        <row height="6">
          <cell rowspan="2" style="head-s">序号</cell>
          <cell rowspan="2" style="head-s">部门</cell>
          <cell rowspan="2" style="head-s">姓名</cell>
          <cell rowspan="2" style="head-s">计算机编号</cell>
          <cell rowspan="2" style="head-s">计算机品牌</cell>
          <cell rowspan="2" style="head-s">软件编号</cell>
          <cell rowspan="2" style="head-s">软件名称</cell>
          <cell rowspan="2" style="head-s">软件版本</cell>
          <cell rowspan="2" style="head-s">许可期限</cell>
          <cell colspan="3" style="head-s">软件类型</cell>
          <cell rowspan="2" style="head-s">安装日期</cell>
        </row>
        <row height="6">
          <cell style="head-s">商业软件</cell>
          <cell style="head-s">OEM软件</cell>
          <cell style="head-s">免费软件</cell>
        </row>
        <xsl:choose>
          <xsl:when test="$is-blank">
            <xsl:call-template name="blank-rows">
              <xsl:with-param name="count" select="14"/>
              <xsl:with-param name="cols" select="13"/>
              <xsl:with-param name="height" select="8"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="$F/f:installations/f:installation[
                position() >= $first-row and ($last-row = 0 or position() &lt;= $last-row)]"/>
          </xsl:otherwise>
        </xsl:choose>
      </table>
    </section>
  </xsl:template>

  <!-- A row per installation (the cells' types are the columns'). -->
  <xsl:template match="f:installation">
    <xsl:variable name="before" select="preceding-sibling::f:installation[1]"/>
    <xsl:variable name="software" select="zb:ref('software', string(@software))"/>
    <row>
      <cell><xsl:value-of select="position() + $first-row - 1"/></cell>
      <!-- most rows go on with the computer, person and department of the
           row before: one test for them -->
      <xsl:if test="not($before/@computer = @computer and $before/@dept = @dept
                        and string($before/@staff) = string(@staff))">
        <xsl:if test="not($before/@dept = @dept)">
          <xsl:variable name="dept" select="zb:ref('departments', string(@dept))"/>
          <cell rowspan="{count(key('by-dept', string(@dept)))}" keep-together="false"
                src="{zb:where($dept)} 部门">
            <xsl:value-of select="$dept/@name"/>
          </cell>
        </xsl:if>
        <xsl:if test="not($before/@dept = @dept and string($before/@staff) = string(@staff))">
          <xsl:variable name="person" select="zb:ref('staff', string(@staff))"/>
          <cell rowspan="{count(key('by-user', concat(@dept, ' ', @staff)))}"
                keep-together="false">
            <xsl:if test="$person">
              <xsl:attribute name="src"><xsl:value-of select="concat(zb:where($person), ' 姓名')"/></xsl:attribute>
            </xsl:if>
            <xsl:value-of select="$person/@name"/>
          </cell>
        </xsl:if>
        <xsl:if test="not($before/@computer = @computer)">
          <xsl:variable name="computer" select="zb:ref('computers', string(@computer))"/>
          <xsl:variable name="rows" select="count(key('by-computer', string(@computer)))"/>
          <cell rowspan="{$rows}"><xsl:value-of select="@computer"/></cell>
          <cell rowspan="{$rows}" src="{zb:where($computer)} 计算机品牌">
            <xsl:value-of select="normalize-space(concat($computer/@brand, ' ', $computer/@model))"/>
          </cell>
        </xsl:if>
      </xsl:if>
      <cell><xsl:value-of select="@software"/></cell>
      <cell style="left-s" src="{zb:where($software)} 软件名称">
        <xsl:value-of select="$software/@name"/>
      </cell>
      <cell src="{zb:where($software)} 软件版本"><xsl:value-of select="@version"/></cell>
      <cell><xsl:value-of select="$software/l:license/@term"/></cell>
      <xsl:choose>
        <xsl:when test="$software/self::l:commercial">
          <cell>1</cell><cell>0</cell><cell>0</cell>
        </xsl:when>
        <xsl:when test="$software/self::l:oem">
          <cell>0</cell><cell>1</cell><cell>0</cell>
        </xsl:when>
        <xsl:when test="$software/self::l:free">
          <cell>0</cell><cell>0</cell><cell>1</cell>
        </xsl:when>
        <xsl:otherwise>
          <cell>0</cell><cell>0</cell><cell>0</cell>
        </xsl:otherwise>
      </xsl:choose>
      <cell><xsl:value-of select="@date"/></cell>
    </row>
  </xsl:template>

</xsl:stylesheet>
