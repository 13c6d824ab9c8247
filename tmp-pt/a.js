import { h, render, Component, Fragment } from 'preact';
export { h, render, Component, Fragment };
