/** The sample-data feature's public entry: the button; the generator loads only when it is clicked. */
export { SampleDataButton } from './SampleDataButton';
